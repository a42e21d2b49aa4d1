namespace Ferry.Data.Tests.Infrastructure;

/// <summary>The PostgreSQL server the test command started, named by FERRY_TEST_POSTGRES.</summary>
public static class PostgresServer
{
    /// <summary>The server's connection string; skips the test when there is none, or fails it when PostgreSQL is required.</summary>
    public static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable("FERRY_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }
        if (Environment.GetEnvironmentVariable("FERRY_TEST_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail("FERRY_TEST_REQUIRE_POSTGRES=1 but FERRY_TEST_POSTGRES is not set: start PostgreSQL (scripts/test.sh does) and set FERRY_TEST_POSTGRES to its connection string.");
        }
        Assert.Skip("FERRY_TEST_POSTGRES is not set; PostgreSQL tests are skipped (scripts/test.sh starts a server and sets it).");
        return "";
    }
}
