import Caseload
import Foundation

// Invented people with names as varied as a Dutch municipality's caseload: first names and
// surnames of many origins, tussenvoegsels, diacritics, double names and very different lengths.
// No digits: names that differ only in a number would flatter the bytes a row move costs.

enum DutchNames {
    static let firstNames = """
        Daan Sem Finn Levi Luuk Milan Bram Thijs Jesse Noah Lucas Mees Sven Ruben Stijn Lars Tijn Gijs Joep Teun
        Jayden Dylan Kevin Mike Rick Niels Bas Koen Wout Jelle Sander Roel Pim Floris Hidde Siem Olivier Quinten
        Ahmed Mohamed Mehmet Yusuf Bilal Ayoub Hamza Ilias Mustafa Omar Soufiane Younes Zakaria Anass Rayan Idris
        Emre Burak Kerem Cem Çağan Efe Yiğit Barış Onur Arda Ömer Tolga Serkan Hakan Deniz
        Dewayne Jermaine Rodney Shaquille Virgil Romano Gianni Dionne Quincy Xavier Rigino Nordin Sergiño Jurriën
        Kacper Jakub Mateusz Paweł Wojciech Bartosz Andrei Bogdan Dragan Nikola Goran Stefan Tomás Joaquín
        Emma Julia Mila Tess Sophie Zoë Sara Noor Fenna Lotte Eva Saar Evi Lynn Nina Fleur Roos Isa Lieke Femke
        Anouk Iris Sanne Demi Romy Britt Naomi Esmée Chloë Anaïs Floor Merel Lisa Amber Jade Sterre Liv Yara Elin
        Fatima Yasmina Salma Khadija Aya Malika Hanane Imane Souad Nadia Ikram Dounia Rania Meryem Selin Elif Zeynep
        Büşra Ayşe Esra Gülşen Ebru Hatice Melek Naz Defne Shanice Chantal Latisha Jamila Priya Anjali Shanti Kavita
        Ángela Mónica Inês Zuzanna Agnieszka Małgorzata Dominika Oksana Aleksandra Ivana Milena Maëlle Noémie Renée
        Jan-Willem Pieter-Jan Anne-Marie Marie-Louise Jean-Pierre Mohammed-Amine Sarah-Lynn Jo Bo Ed
        Guus Kees Henk Gert Johannes Cornelis Hendrikus Wilhelmina Geertruida Adriana Catharina Maximiliaan Alexander
        Christiaan Frederique Annemarijn Evangeline Rosalinde Maximilian Constantijn Wilhelmus Abdelkarim
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let tussenvoegsels = ["van", "de", "van der", "van den", "van de", "de la", "ter", "ten", "in 't", "van 't", "op den", "den", "uit de", "'t"]

    /// Surnames that take a tussenvoegsel now and then (Dutch ones); the others never do.
    static let dutchSurnames = """
        Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Smits Vermeulen
        Kok Jacobs Willems Schouten Hoekstra Koster Prins Huisman Kuipers Veenstra Wouters Post Maas Timmermans
        Groen Berg Dam Heuvel Wal Linden Veen Meer Laan Haar Boer Graaf Wit Bruijn Leeuw Jong Groot Vries Ven
        Beek Broek Brink Velde Wijk Kamp Horst Hoeven Pol Bergh Steen Hout Waal Zanden Leeuwen Wetering Velden
        Heijden Akker Molen Sluis Hoek Hoff Kooij Valk Vliet Wiel Zwaan Weerd Noort Ploeg Raad Goede Ruiter
        Terpstra Zijlstra Bosma Wiersma Jongsma Postma Haitsma Anema Sikkema Tjalsma Nieuwenhuizen Vanderbroeck
        Oosterhuis Westerveld Noordermeer Zuidervaart Schoonderwoerd Rijnsburger Hazelaar Blankenstein
        IJzerman IJsselmuiden Çelik-de Boer Kroon-Teeuwen Verbeek-Ouwerkerk Hoogendoorn
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let otherSurnames = """
        El_Amrani Bouzid Benali Ouali Chaouch Azzouzi El_Idrissi Haddou Boukhari Aït_Taleb Ben_Moussa Zerouali
        Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt
        Özkan Şimşek Polat Erdoğan Güneş Bakırcı Karabulut
        Ramdin Sewnandan Ramcharan Biharie Jagessar Kalloe Doelwijt Pinas Wijngaarde Misiedjan Kromodimedjo
        Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Dąbrowski Kozłowski
        Popescu Ionescu Petrović Jovanović Nikolić Horváth Novák Dvořák García Fernández Gonçalves Pereira
        Nguyen Tran Le Pham Wang Li Zhang Chen Liu Osei Mensah Tesfaye Haile Abdi Warsame Mohamud
        """.split(whereSeparator: \.isWhitespace).map { $0.replacingOccurrences(of: "_", with: " ") }

    /// A name drawn from `random`: sometimes two first names, a tussenvoegsel or a double surname.
    static func name(_ random: inout SplitMix) -> String {
        var first = random.pick(firstNames)
        if random.chance(0.08) { first += " " + random.pick(firstNames) }
        let surname: String
        if random.chance(0.7) {
            let base = random.pick(dutchSurnames)
            // Most surnames from words such as Berg or Leeuw carry a tussenvoegsel.
            let prefix = random.chance(0.45) ? random.pick(tussenvoegsels) + " " : ""
            surname = prefix + base
        } else {
            surname = random.pick(otherSurnames)
        }
        if random.chance(0.05) { return first + " " + surname + "-" + random.pick(dutchSurnames) }
        return first + " " + surname
    }
}

/// A small, fast, seedable random generator (SplitMix64): generated caseloads vary by youth, and
/// the same generator version makes the same choices.
struct SplitMix {
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func chance(_ probability: Double) -> Bool { Double(next() % 1_000_000) < probability * 1_000_000 }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}
