using System.Text.Json;
using SecureWa.Sdk.BlockedUsers.Internal;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Messages.Internal;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.BlockedUsers;

/// <summary>
/// Blocks, unblocks and lists blocked WhatsApp users of a business phone number (<c>/{phone-number-id}/block_users</c>).
/// Obtain it from <see cref="WhatsAppClient.BlockedUsers"/>. Thread-safe and immutable.
/// </summary>
public class BlockedUsersClient
{
    /// <summary>The largest page size of <see cref="ListAsync"/>.</summary>
    public const int MaxPageSize = 1000;

    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected BlockedUsersClient()
    {
    }

    internal BlockedUsersClient(GraphApiInvoker invoker) => _invoker = invoker;

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This BlockedUsersClient was created for mocking; override the members you call.");

    /// <summary>Blocks users with <c>POST /{phone-number-id}/block_users</c>. Blocked users cannot message the business.</summary>
    /// <param name="users">The users' phone numbers (E.164, with or without <c>+</c>).</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The users blocked, and those that failed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="users"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">No user, a user that is not a phone number, or no phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.UsersBlock)]
    public virtual Task<BlockUsersResult> BlockAsync(IEnumerable<string> users, string? phoneNumberId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(HttpMethod.Post, WhatsAppOperationKind.Manage, users, phoneNumberId, cancellationToken);

    /// <summary>Unblocks users with <c>DELETE /{phone-number-id}/block_users</c>.</summary>
    /// <param name="users">The users' phone numbers (E.164, with or without <c>+</c>).</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The users unblocked, and those that failed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="users"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">No user, a user that is not a phone number, or no phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.UsersBlock)]
    public virtual Task<BlockUsersResult> UnblockAsync(IEnumerable<string> users, string? phoneNumberId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(HttpMethod.Delete, WhatsAppOperationKind.Delete, users, phoneNumberId, cancellationToken);

    /// <summary>Lists the blocked users with <c>GET /{phone-number-id}/block_users</c>, page by page.</summary>
    /// <param name="options">Page size (at most <see cref="MaxPageSize"/>) and start cursor.</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels every enumeration of the result.</param>
    /// <returns>The blocked users, read lazily.</returns>
    /// <exception cref="WhatsAppValidationException">The page size or phone number id is invalid (thrown by this call, before any request).</exception>
    [WhatsAppPermission(WhatsAppPermissions.UsersBlock)]
    public virtual WhatsAppPageable<BlockedUser> ListAsync(WhatsAppListOptions? options = null, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidatePageSize(options, MaxPageSize);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        return invoker.CreatePageable(
            id + "/block_users",
            new GraphQuery(),
            options,
            WhatsAppPermissions.UsersBlock,
            BlockedUsersJsonContext.Default.GraphPageBlockedUserWire,
            static wire => new BlockedUser { WaId = wire.WaId },
            cancellationToken);
    }

    private async Task<BlockUsersResult> ChangeAsync(HttpMethod method, WhatsAppOperationKind operation, IEnumerable<string> users, string? phoneNumberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var invoker = Invoker;
        var list = ValidateUsers(users);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var body = JsonBody.Write(list, static (writer, users) =>
        {
            writer.WriteStartObject();
            writer.WriteString("messaging_product", "whatsapp");
            writer.WriteStartArray("block_users");
            foreach (var user in users)
            {
                writer.WriteStartObject();
                writer.WriteString("user", user);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        var response = await invoker.SendJsonAsync(method, id + "/block_users", operation, WhatsAppPermissions.UsersBlock, body, BlockedUsersJsonContext.Default.BlockUsersResponse, cancellationToken).ConfigureAwait(false);
        var outcome = response.BlockUsers;
        return new BlockUsersResult
        {
            Succeeded = Map(method == HttpMethod.Post ? outcome?.AddedUsers : outcome?.RemovedUsers),
            Failed = Map(outcome?.FailedUsers),
        };
    }

    private static List<string> ValidateUsers(IEnumerable<string> users)
    {
        var list = new List<string>();
        foreach (var user in users)
        {
            var field = $"block_users[{list.Count}].user";
            if (string.IsNullOrWhiteSpace(user))
            {
                throw new WhatsAppValidationException(field, "A user to block or unblock is empty.");
            }

            var trimmed = user.Trim();
            var digits = MessageValidator.NormalizeRecipient(trimmed);
            var plus = trimmed.StartsWith('+') ? 1 : 0;
            if (digits.Length < MessageLimits.RecipientDigitsMin || digits.Length > MessageLimits.RecipientDigitsMax || digits.Length + plus != trimmed.Length)
            {
                throw new WhatsAppValidationException(field, $"A user must be a phone number of {MessageLimits.RecipientDigitsMin} to {MessageLimits.RecipientDigitsMax} digits, optionally after '+'.");
            }

            list.Add(trimmed);
        }

        if (list.Count == 0)
        {
            throw new WhatsAppValidationException("block_users", "At least one user is required.");
        }

        return list;
    }

    private static List<BlockedUserChange> Map(List<BlockUserEntry?>? entries)
    {
        var result = new List<BlockedUserChange>(entries?.Count ?? 0);
        foreach (var entry in entries ?? [])
        {
            if (entry is null)
            {
                continue;
            }

            var error = entry.Errors is { Count: > 0 } errors ? errors[0] : null;
            result.Add(new BlockedUserChange { Input = entry.Input, WaId = entry.WaId, ErrorCode = error?.Code, ErrorMessage = error?.Message });
        }

        return result;
    }
}
