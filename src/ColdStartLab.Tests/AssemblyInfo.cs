// jsii serves the whole test process through one unlocked pipe (the assembly tests synthesise real stacks), and
// the real-Python tests time cold starts: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
