using System.Runtime.Intrinsics;

namespace Bot.Domain.Classification.Training;

// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4/7.5) with a backtracking Armijo line search.
// The objectives here are smooth and strictly convex, so the unit step is almost always taken and
// no stronger Wolfe search is needed; a pair that breaks curvature is skipped instead.
public sealed class Lbfgs(int memory = 10, int maxIterations = 300, double gradientTolerance = 1e-5, double relativeDecrease = 1e-9)
{
    // Evaluates the objective at x, writes its gradient and returns its value.
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public int Minimise(Objective objective, double[] x)
    {
        var n = x.Length;
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        var stored = 0;
        var newest = -1;
        var gradient = new double[n];
        var nextGradient = new double[n];
        var direction = new double[n];
        var next = new double[n];
        var stepTaken = new double[n];
        var gradientChange = new double[n];
        var value = objective(x, gradient);

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (Norm(gradient) <= gradientTolerance * Math.Max(1.0, Norm(x))) return iteration;

            // Two-loop recursion: direction = -H·gradient.
            Array.Copy(gradient, direction, n);
            for (var k = 0; k < stored; k++)
            {
                var j = (newest - k + memory) % memory;
                alpha[j] = rho[j] * Dot(s[j], direction);
                Axpy(-alpha[j], y[j], direction);
            }
            var gamma = stored > 0 ? Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]) : 1.0 / Math.Max(Norm(gradient), 1e-12);
            for (var i = 0; i < n; i++) direction[i] *= -gamma;
            for (var k = stored - 1; k >= 0; k--)
            {
                var j = (newest - k + memory) % memory;
                var beta = rho[j] * Dot(y[j], direction);
                Axpy(-(alpha[j] + beta), s[j], direction);
            }
            var slope = Dot(gradient, direction);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): forget the curvature and go downhill.
                stored = 0;
                for (var i = 0; i < n; i++) direction[i] = -gradient[i];
                slope = Dot(gradient, direction);
            }

            var step = 1.0;
            double nextValue;
            var tries = 0;
            while (true)
            {
                for (var i = 0; i < n; i++) next[i] = x[i] + step * direction[i];
                nextValue = objective(next, nextGradient);
                if (nextValue <= value + 1e-4 * step * slope || ++tries >= 40) break;
                step *= 0.5;
            }
            if (tries >= 40) return iteration;

            for (var i = 0; i < n; i++)
            {
                stepTaken[i] = next[i] - x[i];
                gradientChange[i] = nextGradient[i] - gradient[i];
            }
            var curvature = Dot(stepTaken, gradientChange);
            if (curvature > 1e-12)
            {
                newest = (newest + 1) % memory;
                s[newest] ??= new double[n];
                y[newest] ??= new double[n];
                Array.Copy(stepTaken, s[newest], n);
                Array.Copy(gradientChange, y[newest], n);
                rho[newest] = 1.0 / curvature;
                stored = Math.Min(stored + 1, memory);
            }

            var decrease = value - nextValue;
            Array.Copy(next, x, n);
            Array.Copy(nextGradient, gradient, n);
            value = nextValue;
            if (decrease <= relativeDecrease * Math.Max(1.0, Math.Abs(value))) return iteration + 1;
        }
        return maxIterations;
    }

    // Fixed four-lane vectors (not Vector<T>, whose width varies by machine) keep the order of
    // additions, and so the trained bytes, the same on every machine.
    static double Dot(double[] a, double[] b)
    {
        var sum = Vector256<double>.Zero;
        var i = 0;
        for (; i + 4 <= a.Length; i += 4) sum += Vector256.Create<double>(a.AsSpan(i)) * Vector256.Create<double>(b.AsSpan(i));
        var total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    static void Axpy(double a, double[] x, double[] y)
    {
        var scale = Vector256.Create(a);
        var i = 0;
        for (; i + 4 <= x.Length; i += 4)
            (Vector256.Create<double>(y.AsSpan(i)) + scale * Vector256.Create<double>(x.AsSpan(i))).CopyTo(y.AsSpan(i));
        for (; i < x.Length; i++) y[i] += a * x[i];
    }
}
