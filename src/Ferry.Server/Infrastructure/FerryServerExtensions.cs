using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Core.Sources;
using Ferry.Data;
using Ferry.Data.Runs;
using Ferry.Data.Storage;
using Ferry.Data.Workflow;
using Ferry.Erp.Books;
using Ferry.Erp.Model;
using Ferry.Server.Features.Integrations;
using Ferry.Sources;
using Ferry.Sources.Tally;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Ferry.Server.Infrastructure;

static class FerryServerExtensions
{
    public const string MigrationPolicy = "migration";

    public static void AddFerryServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var worker = configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var sources = configuration.GetSection(SourceOptions.SectionName).Get<SourceOptions>() ?? new SourceOptions();
        var role = Enum.Parse<ServerRole>(configuration["role"] ?? configuration["Ferry:Role"] ?? "all", ignoreCase: true);

        services.AddFerryData(database);
        services.AddSingleton(storage);
        services.AddSingleton(worker);
        services.AddSingleton(auth);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UploadStore>();
        services.AddSingleton<ISourceOpener>(new SourceOpener(sources));
        services.AddSingleton<IBookOpener, TallyBookOpener>();
        services.AddScoped<JobWorkflow>();
        services.AddTallyIntegration(configuration);
        services.AddSingleton<JobQueue>();
        services.AddSingleton<BooksRun>();
        services.AddSingleton<ImportRun>();
        services.AddSingleton<RollbackRun>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService<DatabaseStartup>();
        if (role is ServerRole.All or ServerRole.Worker)
        {
            services.AddHostedService<WorkerService>();
        }

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
            options.SerializerOptions.Converters.Add(new StrictEnumConverter());
            options.SerializerOptions.Converters.Add(new TextWithoutNulConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        // Binding failures throw, so that the exception handler answers them with a field and an error code.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddValidation();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = RequestProblems.Complete);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi(options => options.AddSchemaTransformer(ConverterSchemas.DescribeAsync));

        var dataFolder = Path.GetDirectoryName(database.SqliteFile() ?? Path.GetFullPath(storage.UploadRoot)) ?? "data";
        var key = SigningKeys.Load(auth, dataFolder);
        services.AddSingleton(key);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = AuthOptions.Issuer,
                ValidAudience = AuthOptions.Issuer,
                IssuerSigningKey = key,
                NameClaimType = "sub",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            options.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    await WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required",
                        "Sign in with POST /api/v1/auth/token and send the access token as 'Authorization: Bearer <token>'.");
                },
                OnForbidden = context => WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, ErrorStatus.Title(ErrorCodes.InsufficientPermissions),
                    "Your role does not allow this. Ask a super admin of your organization for migration access."),
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(MigrationPolicy, policy => policy.RequireClaim("role", UserRole.SuperAdmin.ToSnakeCase()));
    }

    static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["error_code"] = ErrorCodes.InsufficientPermissions;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
