using Ferry.Server.Features.Auth;
using Ferry.Server.Features.Erp;
using Ferry.Server.Features.Execution;
using Ferry.Server.Features.Health;
using Ferry.Server.Features.Integrations;
using Ferry.Server.Features.Jobs;
using Ferry.Server.Features.Logs;
using Ferry.Server.Features.Mappings;
using Ferry.Server.Features.Tally;
using Ferry.Server.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddFerryServer();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseQueryTextCheck();
app.UseAuthentication();
app.UseAuthorization();
app.UseTenantScope();
app.MapOpenApiDocument();

var api = app.MapGroup("/api/v1");
api.MapAuth();
api.MapErp();
api.MapTallyIntegration();
var migration = api.MapGroup("/migration");
migration.MapHealth();
migration.MapJobs();
migration.MapMappings();
migration.MapExecution();
migration.MapLogs();
migration.MapTally();

app.Run();
