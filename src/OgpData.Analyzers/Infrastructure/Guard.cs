using System;

namespace OgpData.Analyzers.Infrastructure;

/// <summary>
/// Every analyzer callback goes through here. An exception escaping an analyzer becomes AD0001 and, with
/// warnings as errors, breaks the user's build; a rule that cannot judge a node must simply stay silent.
/// Cancellation is the one exception let through: the host asked for it.
/// </summary>
internal static class Guard
{
    /// <summary>Wraps a callback so that no exception but cancellation escapes it.</summary>
    public static Action<TContext> Safely<TContext>(Action<TContext> callback) => context =>
    {
        try
        {
            callback(context);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // Deliberately swallowed: see the type's remarks. Tests exercise malformed inputs to keep
            // this path for truly unforeseen failures.
        }
    };
}
