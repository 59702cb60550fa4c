namespace Moatown.Documents.Sealing;

/// <summary>
/// <c>POST /internal/tsa</c>: the built-in TSA over HTTP. Anonymous, as TSAs are (a token only says that
/// a digest existed at a time); mapped only when <c>Documents:Tsa:BuiltIn:Enabled</c> (Development default).
/// The gateway does not route <c>/internal</c>.
/// </summary>
public static class BuiltInTsaEndpoint
{
    public const string Path = "/internal/tsa";
    private const int MaxRequestBytes = 16 * 1024;

    public static WebApplication MapBuiltInTsa(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<SealingKeys>().BuiltInTsaEnabled)
        {
            return app;
        }
        app.MapPost(Path, async (HttpRequest request, BuiltInTsa tsa, CancellationToken cancellationToken) =>
        {
            if (request.ContentType?.Split(';')[0].Trim() != "application/timestamp-query")
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Expected application/timestamp-query");
            }
            var body = await RequestBodies.ReadAsync(request, MaxRequestBytes, cancellationToken);
            if (body is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Time-stamp request too large");
            }
            return Results.Bytes(tsa.Respond(body), "application/timestamp-reply");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
