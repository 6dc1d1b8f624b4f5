using System.Security.Cryptography;
using System.Text;

namespace Reservations.Application.Webhooks;

public static class NameBasedGuid
{
    public static Guid Create(Guid idNamespace, string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        idNamespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
#pragma warning disable CA5350 // Version 5 is defined over SHA-1; the id only has to be stable, not hard to forge.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
