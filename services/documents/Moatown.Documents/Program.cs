using Moatown.Documents.Forms;
using Moatown.Documents.Sealing;
using Moatown.Documents.Data;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Inspection;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseDefaultErrorHandling();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapAuditApi<DocumentsDbContext>("/api/documents", Scopes.Documents);
app.MapServiceInspection<DocumentsDbContext>(Scopes.Documents);
app.MapDefaultOpenApi();
app.MapDocumentVerification();
app.MapBuiltInTsa();
app.MapTrustRoots();
app.MapVaultApi();
app.MapPackageApi();
app.MapInternalFormsApi();

app.Run();
