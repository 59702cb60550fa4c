namespace Moatown.SimulatedIdentityProvider;

/// <summary>
/// The OAuth parameters of an authorization request. The page carries them as hidden fields from the
/// GET to the POST, and the POST checks them again: nothing the browser sends back is trusted.
/// </summary>
public sealed record AuthorizationRequest(string? ClientId, string? RedirectUri, string? State, string? Nonce, string? ResponseType)
{
    public static AuthorizationRequest From(IQueryCollection query) =>
        new(query["client_id"], query["redirect_uri"], query["state"], query["nonce"], query["response_type"]);

    public static AuthorizationRequest From(IFormCollection form) =>
        new(form["client_id"], form["redirect_uri"], form["state"], form["nonce"], "code");

    /// <summary>The OAuth error to send back to the client, or null when the request can be shown to the resident.</summary>
    public string? Error() =>
        ResponseType != "code" ? "unsupported_response_type"
        // The state protects the client against forged callbacks and the nonce binds the answer to
        // its request; a client that sends neither would accept any code, so none is issued.
        : string.IsNullOrEmpty(State) || string.IsNullOrEmpty(Nonce) ? "invalid_request"
        : null;
}
