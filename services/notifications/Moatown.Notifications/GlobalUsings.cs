global using Moatown.Notifications.Apis;
global using Moatown.Notifications.Extensions;
global using Moatown.ServiceDefaults.OpenApi;
