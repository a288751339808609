using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.Assertions;
using ColdStart.Constructs.Tests.Support;
using Xunit;

namespace ColdStart.Constructs.Tests.Dashboard;

/// <summary>A scrubbed JSON snapshot of a dashboard used on its own (Snapshots/dashboard-*.json, linted with the others).</summary>
public class DashboardSnapshotTests
{
    [Fact]
    public void Standalone_dashboard_over_a_profiled_function_and_a_prewarmed_alias()
    {
        var stack = Cdk.NewStack();
        var lazy = new ImportTimeProfiledFunction(stack, "Lazy", Cdk.Props(p => p.MemorySize = 256));
        var eager = new ImportTimeProfiledFunction(stack, "Eager", Cdk.Props(p =>
        {
            p.MemorySize = 256;
            p.PreWarming = new PreWarmingOptions { ProvisionedConcurrency = 2 };
        }));

        new ColdStartDashboard(stack, "Board", new ColdStartDashboardProps
        {
            DashboardName = "orders-cold-starts",
            Variants =
            [
                new DashboardVariant { Label = "lazy", Function = lazy.Function },
                new DashboardVariant { Label = "eager", Function = eager.Function, AliasName = eager.Alias!.AliasName, ProvisionedConcurrency = 2 },
            ],
        });

        Snapshot.Match("dashboard-standalone", Template.FromStack(stack));
    }
}
