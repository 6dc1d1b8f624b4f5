using System.Threading.RateLimiting;

namespace Reservations.WebApi.Protection;

internal static class CallerLeases
{
    /// <summary>A granted call: disposing it (once) closes the caller's open request.</summary>
    public sealed class Open(CallerLimits limits) : RateLimitLease
    {
        private int _closed;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                lock (limits)
                {
                    limits.Leave();
                }
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A refused call, with <see cref="MetadataName.RetryAfter"/> when a bucket refused it.</summary>
    public sealed class Refused(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
