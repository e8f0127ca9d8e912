namespace Bot.Domain.Storage;

// MySql.Data 8.0.16 (the newest that restores here) has no real asynchronous I/O: every OpenAsync and
// ExecuteAsync holds a pool thread until the server answers, and a connect waits on a socket completion
// that itself needs a free pool thread. The pool starts with one thread per core and, once those are
// taken, adds about two a second. So a burst of webhooks, Quartz's jobs, or a retrain holding threads
// for tens of seconds could leave the database calls queued behind each other until they time out.
// Above this floor, the pool starts a thread as soon as work waits for one.
public static class PoolThreads
{
    public const int Floor = 64;

    public static void RaiseFloor()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, Floor), Math.Max(completions, Floor));
    }
}
