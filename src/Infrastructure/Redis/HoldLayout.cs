namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Where each part of a packed hold lies, as lib.lua packs it (HOLD_HEAD, CART_HEAD, CART_LINE). Numbers are big-endian,
/// times Unix ms in 6 bytes. Both layouts end with the unit prices as text, '|', then the customer id (last, so it may hold '|').
/// </summary>
internal static class HoldLayout
{
    /// <summary>The status byte, first in both layouts, so a transition rewrites one byte.</summary>
    public const int Status = 0;

    public const int ProductLength = 16;

    /// <summary>A hold of one product: tallied flag (1), product (16), quantity (2), created (6), deadline (6), then its price.</summary>
    public static class OneProduct
    {
        public const int Product = 2;
        public const int Quantity = 18;
        public const int Created = 20;
        public const int Deadline = 26;
        public const int HeadLength = 32;
    }

    /// <summary>A cart: 'L' where a one-product hold has its tallied flag, the line count (1), created and deadline, the lines, then their prices comma-separated.</summary>
    public static class Cart
    {
        public const int Mark = 1;
        public const byte MarkValue = (byte)'L';
        public const int LineCount = 2;
        public const int Created = 3;
        public const int Deadline = 9;
        public const int HeadLength = 15;

        /// <summary>Each line: tallied flag (1), product (16), quantity (2).</summary>
        public const int LineLength = 19;
        public const int LineProduct = 1;
        public const int LineQuantity = 17;
    }
}
