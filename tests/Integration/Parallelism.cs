using Xunit.Sdk;
using Xunit.v3;

// The API, the Worker, Redis and PostgreSQL of every test share the machine's cores with the tests themselves: start
// two test classes at a time (CI runs on 2 cores), whatever machine runs them. Tests that need the machine to
// themselves are in the RunsAlone collection.
[assembly: Parallelization(MaxThreads = 2, Algorithm = ParallelAlgorithm.Conservative)]
