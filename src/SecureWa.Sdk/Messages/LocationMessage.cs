namespace SecureWa.Sdk.Messages;

/// <summary>A location pin (<c>"type":"location"</c>).</summary>
public sealed class LocationMessage : WhatsAppMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="latitude">Latitude in degrees, −90 to 90.</param>
    /// <param name="longitude">Longitude in degrees, −180 to 180.</param>
    public LocationMessage(string to, double latitude, double longitude)
        : base(to)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Latitude in degrees, −90 to 90.</summary>
    public double Latitude { get; }

    /// <summary>Longitude in degrees, −180 to 180.</summary>
    public double Longitude { get; }

    /// <summary>An optional name of the place.</summary>
    public string? Name { get; init; }

    /// <summary>An optional address, shown under the name.</summary>
    public string? Address { get; init; }

    /// <inheritdoc />
    public override string MessageType => "location";
}
