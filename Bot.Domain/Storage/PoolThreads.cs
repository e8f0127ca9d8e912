namespace Bot.Domain.Storage;

// MySql.Data 8.0.16 (the newest that restores here) has no real asynchronous I/O: every OpenAsync and
// ExecuteAsync holds a pool thread until the server answers, and a connect waits on a socket completion
// that itself needs a free pool thread. The pool starts with one thread per core and, once those are
// taken, adds more only gradually. So a burst of webhooks, Quartz's jobs, or a retrain holding threads
// for tens of seconds left database calls queued for seconds (`Bot.Bench pool`: 2.1 s for a burst of
// 64 calls during a retrain, 0.3 s with this floor). Below the floor, the pool starts a thread as soon
// as work waits for one.
public static class PoolThreads
{
    public const int Floor = 64;

    public static void RaiseFloor()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, Floor), Math.Max(completions, Floor));
    }
}
