using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Moatown.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and RabbitMQ: containers when a container runtime answers, otherwise the machine's
// own binaries. Resource names are the same either way, so services never notice.
var infrastructure = builder.AddInfrastructure();
var broker = infrastructure.Broker;

var devClientSecret = builder.AddDevelopmentClientSecret();
var notificationsClientSecret = builder.AddSecretParameter("notifications-client-secret", secrets => secrets.NotificationsClientSecret);
var identityClientSecret = builder.AddSecretParameter("identity-client-secret", secrets => secrets.IdentityClientSecret);
var signingClientSecret = builder.AddSecretParameter("signing-client-secret", secrets => secrets.SigningClientSecret);
var documentsClientSecret = builder.AddSecretParameter("documents-client-secret", secrets => secrets.DocumentsClientSecret);
var verificationCodeKey = builder.AddSecretParameter("verification-code-key", secrets => secrets.VerificationCodeKey);
var personalDataKey = builder.AddSecretParameter("personal-data-key", secrets => secrets.PersonalDataKey);
var blindIndexKey = builder.AddSecretParameter("blind-index-key", secrets => secrets.BlindIndexKey);
var personalDataKeyIssuedOn = builder.AddSecretParameter("personal-data-key-issued-on", secrets => secrets.PersonalDataKeyIssuedOn);
var documentsMasterKey = builder.AddSecretParameter("documents-master-key", secrets => secrets.DocumentsMasterKey);

var identity = builder.AddProject<Projects.Moatown_Identity>("identity")
    .WithDatabase(infrastructure.AddDatabase("identitydb"))
    .WithBroker(broker)
    .WithEnvironment("Identity__DevClientSecret", devClientSecret)
    // The services that call other services, as OAuth clients (client credentials).
    .WithServiceClient("service-notifications", notificationsClientSecret, "campaigns")
    // Identity also asks every service for its inspection (the inspection report).
    .WithServiceClient("service-identity", identityClientSecret, "campaigns", "signing", "documents", "notifications")
    .WithServiceClient("service-signing", signingClientSecret, "documents")
    .WithServiceClient("service-documents", documentsClientSecret, "campaigns", "signing")
    .WithPersonalDataKeys(personalDataKey, blindIndexKey, personalDataKeyIssuedOn)
    .WithEnvironment("VerificationCodes__Key", verificationCodeKey);

var campaigns = builder.AddProject<Projects.Moatown_Campaigns>("campaigns")
    .WithDatabase(infrastructure.AddDatabase("campaignsdb"))
    .WithBroker(broker)
    .WithIdentity(identity)
    .WithPersonalDataKeys(personalDataKey, blindIndexKey, personalDataKeyIssuedOn)
    // Public events for city systems: subscriber users/queues and dead letters via the management API.
    .WithEnvironment("Messaging__Management__Url", infrastructure.BrokerManagement)
    .WithDeadLetterCommands(identity, devClientSecret);

// Identity asks campaigns whom a personal link or the QR entry page's details name (no WaitFor:
// campaigns waits for identity, and identity only asks once a resident arrives).
identity.WithReference(campaigns).WithServiceCredentials("service-identity", identityClientSecret)
    // Its own service token comes from itself, like everyone else's.
    .WithEnvironment("Identity__Url", identity.GetEndpoint("http"));

var documents = builder.AddProject<Projects.Moatown_Documents>("documents")
    .WithDatabase(infrastructure.AddDatabase("documentsdb"))
    .WithBroker(broker)
    .WithIdentity(identity)
    // The vault's master key; a rotation lists the next one beside it and makes that one active.
    .WithEnvironment("Documents__Vault__MasterKeys__m1", documentsMasterKey)
    .WithEnvironment("Documents__Vault__ActiveMasterKey", "m1")
    // Renders an owner's form from campaigns' roll; seals what signing took.
    .WithReference(campaigns)
    .WithServiceCredentials("service-documents", documentsClientSecret);

var signing = builder.AddProject<Projects.Moatown_Signing>("signing")
    .WithDatabase(infrastructure.AddDatabase("signingdb"))
    .WithBroker(broker)
    .WithIdentity(identity)
    .WithPersonalDataKeys(personalDataKey, blindIndexKey, personalDataKeyIssuedOn)
    .WithReference(documents)
    .WithServiceCredentials("service-signing", signingClientSecret);

documents.WithReference(signing);

var notifications = builder.AddProject<Projects.Moatown_Notifications>("notifications")
    .WithDatabase(infrastructure.AddDatabase("notificationsdb"))
    .WithBroker(broker)
    .WithIdentity(identity)
    .WithPersonalDataKeys(personalDataKey, blindIndexKey, personalDataKeyIssuedOn)
    .WithReference(campaigns)
    .WithServiceCredentials("service-notifications", notificationsClientSecret)
    .WithEnvironment("VerificationCodes__Key", verificationCodeKey);

// The inspection report asks every service for its own inspection (no WaitFor: they wait for identity).
identity.WithReference(signing).WithReference(documents).WithReference(notifications);

// The web client: residents' signing pages and the staff dashboard. It calls the gateway's public
// APIs like any other client, and the gateway serves its pages at "/".
var web = builder.AddProject<Projects.Moatown_Web>("web");

var gateway = builder.AddProject<Projects.Moatown_Gateway>("gateway")
    .WithExternalHttpEndpoints()
    .WithReference(web).WaitFor(web)
    .WithReference(identity).WaitFor(identity)
    .WithReference(campaigns).WaitFor(campaigns)
    .WithReference(signing).WaitFor(signing)
    .WithReference(documents).WaitFor(documents)
    .WithReference(notifications).WaitFor(notifications)
    .WithHttpHealthCheck("/health");

// Moatown:Replicas (default 1) runs that many processes of the services that carry the resident
// load (./moatown bench scaleout); Aspire's endpoint proxy spreads requests over them.
var replicas = builder.Configuration.GetValue("Moatown:Replicas", 1);
if (replicas > 1)
{
    foreach (var scaled in new[] { campaigns, signing, documents })
    {
        scaled.WithReplicas(replicas);
    }
}

// Tokens name the gateway's public address as issuer; every service checks it.
var publicUrl = gateway.GetEndpoint("http");
web.WithReference(gateway)
    .WithEnvironment("Web__PublicUrl", publicUrl)
    .WithHttpHealthCheck("/health");
// The web client renders pages on the server, so its API calls come from its own address; the
// gateway takes the visitor's address it forwards only from where the web client runs (here, this
// machine). A deployment names the web client's network instead.
gateway.WithEnvironment("Network__TrustedProxies__0", "127.0.0.1/32");
// Staff come back from identity's sign-in pages to the web client, at the gateway's address.
identity
    .WithEnvironment("Identity__WebClient__RedirectUris__0", ReferenceExpression.Create($"{publicUrl}/signin-callback"))
    .WithEnvironment("Identity__WebClient__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{publicUrl}/"));
// Every service's audit chain head is time-stamped by the documents service's TSA (RFC 3161).
var timeStampAuthority = ReferenceExpression.Create($"{documents.GetEndpoint("http")}/internal/tsa");
foreach (var service in new[] { identity, campaigns, signing, documents, notifications })
{
    service.WithEnvironment("Identity__Issuer", publicUrl).WithHttpHealthCheck("/health")
        .WithEnvironment("Auditing__TimeStampUrl", timeStampAuthority);
}
// Links sent by SMS and printed on posters open pages the gateway serves. In Development the
// campaigns service's own settings name http://localhost:8080; elsewhere they follow the gateway.
if (!builder.Environment.IsDevelopment())
{
    campaigns
        .WithEnvironment("Campaigns__Invitations__LinkBase", ReferenceExpression.Create($"{publicUrl}/i"))
        .WithEnvironment("Campaigns__Entry__LinkBase", ReferenceExpression.Create($"{publicUrl}/e"));
}

// Residents without a phone number on the roll verify with a certificate provider; in Development that is
// the simulated one, whose page the resident's browser opens and which sends them back through the gateway.
if (builder.Environment.IsDevelopment())
{
    identity.WithSimulatedIdentityProvider(builder, publicUrl);
    // One staff account per role to sign in with at the gateway's /connect/authorize (docs/staff-accounts.md).
    identity.WithDevelopmentStaff(builder);
}

builder.Build().Run();
