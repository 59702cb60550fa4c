global using Moatown.Documents.Apis;
global using Moatown.Documents.Extensions;
global using Moatown.ServiceDefaults.OpenApi;
global using Moatown.Documents.Access;
