using Xunit;
// jsii serves the whole test process through one unlocked pipe: tests that touch CDK must run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
