import AppResources; print(AppResources.names)
