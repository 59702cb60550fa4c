using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Data;
using Moatown.Identity.Staff;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Authentication;
using static Moatown.Identity.Staff.StaffAuditActions;

namespace Moatown.Identity.Apis;

/// <summary>
/// Staff accounts, managed by provider admins. Managing an account gives no access to personal
/// data or documents: those need roles of their own. No secret (password hash, TOTP secret,
/// activation code hash) ever leaves the service; the activation code is shown once, at creation
/// or reissue.
/// </summary>
public static class StaffAccountsApi
{
    public const string ManagePolicy = "staff-accounts:manage";
    // One lock for every change that could leave the system without an active provider admin.
    private const long AdminLockKey = 0x53_74_61_66_66_41_64;

    public static RouteGroupBuilder MapStaffAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/identity/accounts")
            .RequireAuthorization(Policies.ScopeOf(Scopes.Identity))
            .WithTags("Staff accounts")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        accounts.MapGet("/me", GetOwnAsync).WithName("GetOwnStaffAccount")
            .WithSummary("The signed-in staff member's own account: roles, district, second-factor state");

        var manage = accounts.MapGroup("").RequireAuthorization(ManagePolicy);
        manage.MapGet("", ListAsync).WithName("ListStaffAccounts").WithSummary("Staff accounts, a page at a time, by user name");
        manage.MapGet("/{id:guid}", GetAsync).WithName("GetStaffAccount").WithSummary("One staff account");
        manage.MapPost("", CreateAsync).WithName("CreateStaffAccount")
            .WithSummary("Creates an account; answers a one-time activation code (valid 72 hours, shown only now)");
        manage.MapPut("/{id:guid}/roles", ChangeRolesAsync).WithName("ChangeStaffRoles").WithSummary("Replaces the account's roles and district");
        manage.MapPost("/{id:guid}/disable", DisableAsync).WithName("DisableStaffAccount").WithSummary("Stops the account signing in and refreshing tokens");
        manage.MapPost("/{id:guid}/enable", EnableAsync).WithName("EnableStaffAccount").WithSummary("Lets a disabled account sign in again");
        manage.MapPost("/{id:guid}/reset-mfa", ResetMfaAsync).WithName("ResetStaffMfa")
            .WithSummary("Forgets the authenticator app; the next sign-in enrols a new one");
        manage.MapPost("/{id:guid}/unlock", UnlockAsync).WithName("UnlockStaffAccount").WithSummary("Ends a lockout after failed sign-ins");
        manage.MapPost("/{id:guid}/activation", ReissueActivationAsync).WithName("ReissueStaffActivation")
            .WithSummary("A new one-time activation code (72 hours); the password is cleared until it is used");
        return accounts;
    }

    public static async Task<Results<Ok<StaffAccountView>, NotFound>> GetOwnAsync(
        ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, TimeProvider time, CancellationToken cancellationToken) =>
        Guid.TryParse(user.SubjectId(), out var id) && await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } account
            ? TypedResults.Ok(View(account, secrets, time))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<StaffAccountPage>, ValidationProblem>> ListAsync(
        IdentityDbContext db, StaffSecrets secrets, TimeProvider time, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var errors = new Dictionary<string, string[]>();
        if (number < 1)
        {
            errors["page"] = ["1 or more."];
        }
        if (size is < 1 or > 200)
        {
            errors["pageSize"] = ["1 to 200."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var total = await db.StaffAccounts.CountAsync(cancellationToken);
        var accounts = await db.StaffAccounts.AsNoTracking().OrderBy(a => a.NormalizedUserName)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new StaffAccountPage([.. accounts.Select(a => View(a, secrets, time))], number, size, total));
    }

    public static async Task<Results<Ok<StaffAccountView>, NotFound>> GetAsync(
        Guid id, IdentityDbContext db, StaffSecrets secrets, TimeProvider time, CancellationToken cancellationToken) =>
        await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } account
            ? TypedResults.Ok(View(account, secrets, time))
            : TypedResults.NotFound();

    public static async Task<Results<Created<CreatedStaffAccount>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewStaffAccount body, ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        StaffRules.CheckUserName(body.UserName, errors);
        StaffRules.CheckDisplayName(body.DisplayName, errors);
        var (roles, district) = StaffRules.CheckRoles(body.Roles, body.District, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var normalized = StaffAccount.Normalize(body.UserName!);
        if (await db.StaffAccounts.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
        {
            return UserNameTaken();
        }
        var now = time.GetUtcNow();
        var code = StaffSecrets.NewActivationCode();
        var account = new StaffAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = body.UserName!.Trim(),
            NormalizedUserName = normalized,
            DisplayName = secrets.ProtectDisplayName(body.DisplayName!.Trim()),
            Roles = roles,
            District = district,
            CreatedAt = now,
            ActivationCodeHash = StaffSecrets.HashActivationCode(code),
            ActivationExpiresAt = now + StaffRules.ActivationLifetime,
        };
        db.StaffAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request took the name between the check and the insert.
            db.ChangeTracker.Clear();
            if (await db.StaffAccounts.AsNoTracking().AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
            {
                return UserNameTaken();
            }
            throw;
        }
        await audit.RecordAsync(StaffAuditActions.Created, Resource(account.Id), AuditOutcomes.Success, user.SubjectId(), RolesDetail(null, account), cancellationToken);
        return TypedResults.Created($"/api/identity/accounts/{account.Id}",
            new CreatedStaffAccount(View(account, secrets, time), code, account.ActivationExpiresAt!.Value));
    }

    public static async Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeRolesAsync(
        Guid id, StaffRolesChange body, ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (roles, district) = StaffRules.CheckRoles(body.Roles, body.District, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await ChangeAsync(id, user, db, secrets, audit, time, RolesChanged, account =>
        {
            if (account.Roles.Contains(Roles.ProviderAdmin) && !roles.Contains(Roles.ProviderAdmin) && IsSelf(user, account))
            {
                return "An account cannot remove its own provider-admin role.";
            }
            account.Roles = roles;
            account.District = district;
            return null;
        }, cancellationToken);
    }

    public static Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem, ProblemHttpResult>> DisableAsync(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, secrets, audit, time, Disabled, account =>
        {
            if (IsSelf(user, account))
            {
                return "An account cannot disable itself.";
            }
            account.DisabledAt ??= time.GetUtcNow();
            return null;
        }, cancellationToken);

    public static Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem, ProblemHttpResult>> EnableAsync(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, secrets, audit, time, Enabled, account =>
        {
            account.DisabledAt = null;
            return null;
        }, cancellationToken);

    public static Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem, ProblemHttpResult>> ResetMfaAsync(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, secrets, audit, time, MfaReset, account =>
        {
            account.TotpSecret = null;
            account.TotpLastStep = null;
            account.MfaEnrolledAt = null;
            return null;
        }, cancellationToken);

    public static Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem, ProblemHttpResult>> UnlockAsync(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, db, secrets, audit, time, Unlocked, account =>
        {
            account.LockedUntil = null;
            account.FailedAttempts = 0;
            return null;
        }, cancellationToken);

    public static async Task<Results<Ok<CreatedStaffAccount>, NotFound, ValidationProblem, ProblemHttpResult>> ReissueActivationAsync(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var code = StaffSecrets.NewActivationCode();
        var result = await ChangeAsync(id, user, db, secrets, audit, time, ActivationReissued, account =>
        {
            // The new code replaces the password and the app: whoever holds it starts afresh.
            account.PasswordHash = null;
            account.TotpSecret = null;
            account.TotpLastStep = null;
            account.MfaEnrolledAt = null;
            account.ActivationCodeHash = StaffSecrets.HashActivationCode(code);
            account.ActivationExpiresAt = time.GetUtcNow() + StaffRules.ActivationLifetime;
            return null;
        }, cancellationToken);
        return result.Result switch
        {
            Ok<StaffAccountView> ok => TypedResults.Ok(new CreatedStaffAccount(ok.Value!, code, ok.Value!.ActivationExpiresAt!.Value)),
            NotFound notFound => notFound,
            ValidationProblem validation => validation,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unexpected result."),
        };
    }

    /// <summary>
    /// One change under the admin lock: applied, then refused (nothing saved) if it would leave no
    /// active provider admin or the change itself said no.
    /// </summary>
    private static async Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time, string action,
        Func<StaffAccount, string?> change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async Task<Results<Ok<StaffAccountView>, NotFound, ValidationProblem, ProblemHttpResult>> () =>
        {
            // A retry starts from a clean slate.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdminLockKey})", cancellationToken);
            var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (account is null)
            {
                return TypedResults.NotFound();
            }
            var before = account.Roles.ToList();
            var wasActiveAdmin = account.IsActive && account.Roles.Contains(Roles.ProviderAdmin);
            if (change(account) is { } refusal)
            {
                return Conflict(refusal);
            }
            if (wasActiveAdmin && !(account.IsActive && account.Roles.Contains(Roles.ProviderAdmin))
                && !await db.StaffAccounts.AnyAsync(a => a.Id != id && a.DisabledAt == null && a.Roles.Contains(Roles.ProviderAdmin), cancellationToken))
            {
                return Conflict("This is the last active provider admin: make another one first.");
            }
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(action, Resource(account.Id), AuditOutcomes.Success, user.SubjectId(),
                action == RolesChanged ? RolesDetail(before, account) : null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(View(account, secrets, time));
        });
    }

    private static ProblemHttpResult UserNameTaken() =>
        TypedResults.Problem("An account with this user name exists.", statusCode: StatusCodes.Status409Conflict,
            title: "The user name is taken.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["userName"] = ["An account with this user name exists."] } });

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The change is not allowed.");

    private static bool IsSelf(ClaimsPrincipal user, StaffAccount account) =>
        string.Equals(user.FindFirstValue("sub"), account.Id.ToString(), StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> RolesDetail(List<string>? before, StaffAccount after)
    {
        var detail = new Dictionary<string, string> { ["roles_after"] = string.Join(' ', after.Roles) };
        if (before is not null)
        {
            detail["roles_before"] = string.Join(' ', before);
        }
        if (after.District is not null)
        {
            detail["district"] = after.District;
        }
        return detail;
    }

    private static StaffAccountView View(StaffAccount account, StaffSecrets secrets, TimeProvider time) => new(
        account.Id, account.UserName, secrets.DisplayName(account), account.Roles, account.District,
        account.MfaEnrolledAt is not null, account.MfaEnrolledAt, account.IsLocked(time.GetUtcNow()) ? account.LockedUntil : null,
        account.DisabledAt is not null, account.DisabledAt, account.LastSignInAt, account.CreatedAt, account.PasswordChangedAt,
        account.ActivationCodeHash is not null, account.ActivationExpiresAt);
}

/// <param name="UserName">The login id: 3 to 64 letters, digits, '.', '_' or '-'; case does not matter.</param>
/// <param name="DisplayName">The person's name as shown to other staff (stored encrypted).</param>
/// <param name="Roles">provider-admin, organizer, district-officer, auditor.</param>
/// <param name="District">The district (e.g. 중랑구), for a district officer only.</param>
public sealed record NewStaffAccount(string? UserName, string? DisplayName, IReadOnlyList<string>? Roles, string? District);

public sealed record StaffRolesChange(IReadOnlyList<string>? Roles, string? District);

public sealed record StaffAccountView(
    Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? District,
    bool MfaEnrolled, DateTimeOffset? MfaEnrolledAt, DateTimeOffset? LockedUntil, bool Disabled, DateTimeOffset? DisabledAt,
    DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt, DateTimeOffset? PasswordChangedAt,
    bool ActivationPending, DateTimeOffset? ActivationExpiresAt);

public sealed record StaffAccountPage(IReadOnlyList<StaffAccountView> Items, int Page, int PageSize, int Total);

/// <param name="ActivationCode">Shown once: give it to the person; only its hash is kept.</param>
public sealed record CreatedStaffAccount(StaffAccountView Account, string ActivationCode, DateTimeOffset ActivationExpiresAt);
