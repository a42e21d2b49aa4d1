namespace Ferry.Data.Workflow;

/// <summary>The job or mapping does not exist in the caller's organization.</summary>
public sealed class NotFoundException(string message) : Exception(message);
