namespace Ferry.Data.Tests.Infrastructure;

/// <summary>Runs async work to completion from a synchronous callback, such as a source reader's Read.</summary>
public static class Blocking
{
    public static T Run<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();
}
