global using Moatown.Campaigns.Apis;
global using Moatown.Campaigns.Extensions;
global using Moatown.ServiceDefaults.OpenApi;
