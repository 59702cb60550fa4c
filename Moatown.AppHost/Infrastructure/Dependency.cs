namespace Moatown.AppHost.Infrastructure;

/// <summary>
/// A connection string a service receives, and the resource that must be ready before the
/// service starts. In container mode both are the same resource; in local mode the connection
/// string is composed by hand and readiness comes from the executable that serves it.
/// </summary>
internal sealed record Dependency(IResourceBuilder<IResourceWithConnectionString> Connection, IResourceBuilder<IResource> Ready);
