using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Hardening;

public sealed class MalformedMultipartTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Boundary = "ferry-boundary";

    static string Body(string kind) => kind switch
    {
        "no closing boundary" => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nCustomer Name,City\r\nAcme,Pune\r\n",
        "empty body" => "",
        "17 part headers" => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            + string.Concat(Enumerable.Range(1, 16).Select(i => $"X-Extra-{i}: {i}\r\n")) + $"\r\nA,B\r\n1,2\r\n--{Boundary}--\r\n",
        "a part header over 16 KB" => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nX-Long: {new string('h', 17 * 1024)}\r\n\r\nA,B\r\n1,2\r\n--{Boundary}--\r\n",
        "only the closing boundary" => $"--{Boundary}--\r\n",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData("no closing boundary")]
    [InlineData("empty body")]
    [InlineData("17 part headers")]
    [InlineData("a part header over 16 KB")]
    [InlineData("only the closing boundary")]
    public async Task A_broken_multipart_body_is_a_bad_request_and_the_job_keeps_its_state(string kind)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body(kind)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/upload", content, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "MIG012");
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
        var uploads = Path.Combine(app.Folder, "uploads");
        Assert.Empty(Directory.Exists(uploads) ? Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_multipart_content_type_without_a_boundary_is_a_bad_request()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("A,B\r\n1,2\r\n"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/upload", content, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "MIG012");
    }
}
