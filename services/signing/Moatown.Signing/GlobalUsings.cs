global using Moatown.Signing.Extensions;
global using Moatown.ServiceDefaults.OpenApi;
