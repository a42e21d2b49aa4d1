using System.CommandLine;
using Ferry.Cli;

var root = new RootCommand("ferry: import business data into the ERP from the command line")
{
    ImportCommand.Create(),
    RollbackCommand.Create(),
    InspectCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
