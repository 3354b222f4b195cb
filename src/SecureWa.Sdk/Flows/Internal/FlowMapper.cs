using System.Globalization;

namespace SecureWa.Sdk.Flows.Internal;

/// <summary>Maps Flows API wire types to the public model.</summary>
internal static class FlowMapper
{
    public static WhatsAppFlow ToFlow(FlowDto dto, string fallbackId) => new()
    {
        Id = string.IsNullOrEmpty(dto.Id) ? fallbackId : dto.Id,
        Name = dto.Name,
        RawStatus = dto.Status,
        Status = ParseStatus(dto.Status),
        Categories = dto.Categories is { } categories ? categories.ToArray() : [],
        ValidationErrors = ToErrors(dto.ValidationErrors),
        JsonVersion = dto.JsonVersion,
        DataApiVersion = dto.DataApiVersion,
        EndpointUri = ToUri(dto.EndpointUri ?? dto.DataChannelUri),
        Preview = dto.Preview is { } preview ? ToPreview(preview) : null,
    };

    public static FlowStatus ParseStatus(string? status) => status switch
    {
        "DRAFT" => FlowStatus.Draft,
        "PUBLISHED" => FlowStatus.Published,
        "DEPRECATED" => FlowStatus.Deprecated,
        "BLOCKED" => FlowStatus.Blocked,
        "THROTTLED" => FlowStatus.Throttled,
        _ => FlowStatus.Unknown,
    };

    public static IReadOnlyList<FlowValidationError> ToErrors(List<FlowValidationErrorDto>? errors)
    {
        if (errors is null || errors.Count == 0)
        {
            return [];
        }

        var result = new FlowValidationError[errors.Count];
        for (var i = 0; i < errors.Count; i++)
        {
            var e = errors[i];
            result[i] = new FlowValidationError
            {
                Error = e.Error,
                ErrorType = e.ErrorType,
                Message = e.Message,
                LineStart = e.LineStart,
                LineEnd = e.LineEnd,
                ColumnStart = e.ColumnStart,
                ColumnEnd = e.ColumnEnd,
            };
        }

        return result;
    }

    public static FlowPreview ToPreview(FlowPreviewDto dto) => new()
    {
        PreviewUrl = ToUri(dto.PreviewUrl),
        ExpiresAt = ParseGraphDate(dto.ExpiresAt),
    };

    /// <summary>Graph dates look like <c>2023-05-21T11:18:09+0000</c>; ISO 8601 with a colon is read too.</summary>
    public static DateTimeOffset? ParseGraphDate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:sszzzz", "yyyy-MM-dd'T'HH:mm:ssK", "o"];
        if (DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        // "+0000": insert the colon .NET's "zzz" expects.
        if (value.Length > 5 && (value[^5] == '+' || value[^5] == '-')
            && DateTimeOffset.TryParse(value[..^2] + ":" + value[^2..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
        {
            return parsed;
        }

        return null;
    }

    private static Uri? ToUri(string? value) =>
        !string.IsNullOrEmpty(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}
