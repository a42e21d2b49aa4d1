namespace Ferry.Server.Features.Jobs;

static class Paging
{
    public const int MaxPageSize = 500;

    public static (int Page, int Size) Normalize(int? page, int? pageSize) =>
        (Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
}
