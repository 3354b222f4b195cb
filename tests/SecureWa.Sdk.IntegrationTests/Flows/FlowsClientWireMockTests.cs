using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Flows;

/// <summary>
/// The Flows management API through the real pipeline against WireMock. Response bodies are the examples of
/// facebook/openapi business-messaging-api_v23.0.yaml (operation ids named per test), converted from YAML to JSON.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class FlowsClientWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string Token = "EAAG-flows-integration-token";
    private const string PhoneNumberId = "106540352242922";
    private const string WabaId = "102290129340398";
    private const string FlowId = "1234567890123456";

    [Fact]
    public async Task CreateAsync_MultipartFields_ReturnsId()
    {
        // openapi createFlow, example "Create Flow".
        await Admin.StubAsync(RequestPattern.For("POST", $"/v23.0/{WabaId}/flows"), ResponseDefinition.Json(200, JsonNode.Parse("""{"id":"flow-1"}""")!));
        using var client = CreateClient();

        var id = await client.Flows.CreateAsync(new FlowCreateOptions("my first flow", FlowCategories.SignUp, FlowCategories.Other)
        {
            EndpointUri = new Uri("https://example.com/flows"),
            CloneFlowId = "555",
        });

        Assert.Equal("flow-1", id);
        var request = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("Bearer " + Token, request.Header("Authorization"));
        var parts = await ReadMultipartAsync(request);
        Assert.Equal(["name", "categories", "clone_flow_id", "endpoint_uri"], parts.Select(p => p.Name));
        Assert.Equal("my first flow", parts[0].Text);
        Assert.Equal("""["SIGN_UP","OTHER"]""", parts[1].Text);
        Assert.Equal("555", parts[2].Text);
        Assert.Equal("https://example.com/flows", parts[3].Text);
    }

    [Fact]
    public async Task ListAsync_FollowsAfterCursorUntilNoNext()
    {
        // openapi listFlows, example "List Flows" (page 2 is the same shape without paging.next).
        await Admin.StubAsync(
            new RequestPattern { Method = "GET", UrlPath = $"/v23.0/{WabaId}/flows", QueryParameters = new() { ["after"] = StringValuePattern.IsAbsent() } },
            ResponseDefinition.Json(200, JsonNode.Parse("""
                {"data":[
                  {"categories":["SIGN_UP"],"id":"flow-1","name":"my first flow","status":"DRAFT","validation_errors":[]},
                  {"categories":["SIGN_UP","SIGN_IN"],"id":"flow-2","name":"my second flow","status":"DRAFT","validation_errors":[
                    {"column_end":30,"column_start":17,"error":"INVALID_PROPERTY","error_type":"JSON_SCHEMA_ERROR","line_end":46,"line_start":46,
                     "message":"The property \"initial-text\" cannot be specified at \"$root/screens/0/layout/children/2/children/0\"."}]}],
                 "paging":{"cursors":{"after":"QVFIUnZAWV...","before":"QVFIUnpKT..."},"next":"https://graph.facebook.com/v23.0/102290129340398/flows?after=QVFIUnZAWV..."}}
                """)!));
        await Admin.StubAsync(
            new RequestPattern { Method = "GET", UrlPath = $"/v23.0/{WabaId}/flows", QueryParameters = new() { ["after"] = StringValuePattern.IsEqualTo("QVFIUnZAWV...") } },
            ResponseDefinition.Json(200, JsonNode.Parse("""
                {"data":[{"categories":["CONTACT_US"],"id":"flow-3","name":"another flow","status":"PUBLISHED","validation_errors":[]}],
                 "paging":{"cursors":{"after":"QVFIUnZAWV-end","before":"QVFIUnpKT..."}}}
                """)!));
        using var client = CreateClient();

        var flows = new List<WhatsAppFlow>();
        await foreach (var flow in client.Flows.ListAsync(pageSize: 2))
        {
            flows.Add(flow);
        }

        Assert.Equal(["flow-1", "flow-2", "flow-3"], flows.Select(f => f.Id));
        Assert.Equal([FlowStatus.Draft, FlowStatus.Draft, FlowStatus.Published], flows.Select(f => f.Status));
        Assert.Equal(["SIGN_UP", "SIGN_IN"], flows[1].Categories);
        var error = Assert.Single(flows[1].ValidationErrors);
        Assert.Equal("INVALID_PROPERTY", error.Error);
        Assert.Equal("JSON_SCHEMA_ERROR", error.ErrorType);
        Assert.Equal(46, error.LineStart);
        Assert.Equal(17, error.ColumnStart);
        Assert.Equal(30, error.ColumnEnd);
        var requests = await Admin.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("2", r.QueryParams["limit"].Single()));
    }

    [Fact]
    public async Task GetAsync_DocumentedFlow_IsMapped()
    {
        // openapi getFlow, example "Get Flow" (fields used by the SDK).
        await Admin.StubAsync(RequestPattern.For("GET", $"/v23.0/{FlowId}"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"categories":["OTHER"],"data_api_version":"3.0","data_channel_uri":"https://example.com","id":"flow-1","json_version":"2.1",
             "name":"my first flow","preview":{"expires_at":"2023-05-21T11:18:09+0000","preview_url":"https://business.facebook.com/wa/manage/flows/55000..../preview/?token=b9d6....."},
             "status":"DRAFT","validation_errors":[]}
            """)!));
        using var client = CreateClient();

        var flow = await client.Flows.GetAsync(FlowId);

        Assert.Equal("flow-1", flow.Id);
        Assert.Equal("my first flow", flow.Name);
        Assert.Equal(FlowStatus.Draft, flow.Status);
        Assert.Equal("2.1", flow.JsonVersion);
        Assert.Equal("3.0", flow.DataApiVersion);
        Assert.Equal(new Uri("https://example.com"), flow.EndpointUri);
        Assert.Equal(new DateTimeOffset(2023, 5, 21, 11, 18, 9, TimeSpan.Zero), flow.Preview!.ExpiresAt);
        Assert.Empty(flow.ValidationErrors);
        var request = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("id,name,categories,preview,status,validation_errors,json_version,data_api_version,data_channel_uri", request.QueryParams["fields"].Single());
    }

    [Fact]
    public async Task GetPreviewAsync_AsksForPreviewField_ReturnsUrlAndExpiry()
    {
        // openapi getFlow, example "Get Preview URL".
        await Admin.StubAsync(RequestPattern.For("GET", $"/v23.0/{FlowId}"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"id":"flow-1","preview":{"expires_at":"2023-05-21T11:18:09+0000","preview_url":"https://business.facebook.com/wa/manage/flows/550.../preview/?token=b9d6...."}}
            """)!));
        using var client = CreateClient();

        var preview = await client.Flows.GetPreviewAsync(FlowId, invalidate: true);

        Assert.Equal(new Uri("https://business.facebook.com/wa/manage/flows/550.../preview/?token=b9d6...."), preview.PreviewUrl);
        Assert.Equal(new DateTimeOffset(2023, 5, 21, 11, 18, 9, TimeSpan.Zero), preview.ExpiresAt);
        Assert.Equal("preview.invalidate(true)", Assert.Single(await Admin.GetRequestsAsync()).QueryParams["fields"].Single());
    }

    [Fact]
    public async Task GetValidationErrorsAsync_ReturnsErrors()
    {
        await Admin.StubAsync(RequestPattern.For("GET", $"/v23.0/{FlowId}"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"id":"flow-2","validation_errors":[{"column_end":30,"column_start":17,"error":"INVALID_PROPERTY","error_type":"JSON_SCHEMA_ERROR","line_end":46,"line_start":46,"message":"m"}]}
            """)!));
        using var client = CreateClient();

        var errors = await client.Flows.GetValidationErrorsAsync(FlowId);

        Assert.Equal("INVALID_PROPERTY", Assert.Single(errors).Error);
        Assert.Equal("validation_errors", Assert.Single(await Admin.GetRequestsAsync()).QueryParams["fields"].Single());
    }

    [Fact]
    public async Task UpdateMetadataAsync_SendsOnlySetFields()
    {
        // openapi updateFlowMetadata, example "Update Flow Metadata".
        await Admin.StubAsync(RequestPattern.For("POST", $"/v23.0/{FlowId}"), ResponseDefinition.Json(200, JsonNode.Parse("""{"success":true}""")!));
        using var client = CreateClient();

        await client.Flows.UpdateMetadataAsync(FlowId, new FlowMetadataUpdate { Name = "renamed", Categories = [FlowCategories.Survey] });

        var parts = await ReadMultipartAsync(Assert.Single(await Admin.GetRequestsAsync()));
        Assert.Equal(["name", "categories"], parts.Select(p => p.Name));
        Assert.Equal("renamed", parts[0].Text);
        Assert.Equal("""["SURVEY"]""", parts[1].Text);
    }

    [Fact]
    public async Task UploadFlowJsonAsync_MultipartAsset_ReturnsValidationErrors()
    {
        // openapi updateFlowJson, example "Upload Flow JSON Asset".
        await Admin.StubAsync(RequestPattern.For("POST", $"/v23.0/{FlowId}/assets"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"success":true,"validation_errors":[{"column_end":30,"column_start":17,"error":"INVALID_PROPERTY","error_type":"JSON_SCHEMA_ERROR","line_end":46,"line_start":46,
             "message":"The property \"initial-text\" cannot be specified at \"$root/screens/0/layout/children/2/children/0\"."}]}
            """)!));
        using var client = CreateClient();
        const string flowJson = """{"version":"6.0","screens":[{"id":"WELCOME","layout":{"type":"SingleColumnLayout","children":[]}}]}""";

        var result = await client.Flows.UploadFlowJsonAsync(FlowId, flowJson);

        Assert.True(result.Success);
        Assert.Equal("JSON_SCHEMA_ERROR", Assert.Single(result.ValidationErrors).ErrorType);
        var parts = await ReadMultipartAsync(Assert.Single(await Admin.GetRequestsAsync()));
        Assert.Equal(["file", "name", "asset_type"], parts.Select(p => p.Name));
        Assert.Equal("flow.json", parts[0].FileName);
        Assert.Equal("application/json", parts[0].ContentType);
        Assert.Equal(flowJson, parts[0].Text);
        Assert.Equal("flow.json", parts[1].Text);
        Assert.Equal("FLOW_JSON", parts[2].Text);
    }

    [Fact]
    public async Task PublishDeprecateDelete_HitDocumentedPaths()
    {
        // openapi publishFlow, deprecateFlow, deleteFlow: each answers {"success":true}.
        var success = JsonNode.Parse("""{"success":true}""")!;
        await Admin.StubAsync(RequestPattern.For("POST", $"/v23.0/{FlowId}/publish"), ResponseDefinition.Json(200, success));
        await Admin.StubAsync(RequestPattern.For("POST", $"/v23.0/{FlowId}/deprecate"), ResponseDefinition.Json(200, success.DeepClone()));
        await Admin.StubAsync(RequestPattern.For("DELETE", $"/v23.0/{FlowId}"), ResponseDefinition.Json(200, success.DeepClone()));
        using var client = CreateClient();

        await client.Flows.PublishAsync(FlowId);
        await client.Flows.DeprecateAsync(FlowId);
        await client.Flows.DeleteAsync(FlowId);

        var requests = (await Admin.GetRequestsAsync()).Select(r => r.Method + " " + r.Path).ToHashSet();
        Assert.Equal(new HashSet<string> { $"POST /v23.0/{FlowId}/publish", $"POST /v23.0/{FlowId}/deprecate", $"DELETE /v23.0/{FlowId}" }, requests);
    }

    [Fact]
    public async Task PublishAsync_SuccessFalse_ThrowsUnexpectedResponse()
    {
        await Admin.StubAsync(RequestPattern.For("POST", $"/v23.0/{FlowId}/publish"), ResponseDefinition.Json(200, JsonNode.Parse("""{"success":false}""")!));
        using var client = CreateClient();

        await Assert.ThrowsAsync<WhatsAppUnexpectedResponseException>(() => client.Flows.PublishAsync(FlowId));
    }

    [Fact]
    public async Task DeleteAsync_PublishedFlow_GraphErrorSurfacesTyped()
    {
        await Admin.StubAsync(RequestPattern.For("DELETE", $"/v23.0/{FlowId}"), ResponseDefinition.Json(400, JsonNode.Parse("""
            {"error":{"message":"Flow can't be deleted","type":"OAuthException","code":139002,"fbtrace_id":"AXsgnV2Cm3ZMGF3dF_cfYIn"}}
            """)!));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.Flows.DeleteAsync(FlowId));

        Assert.Equal(139002, ex.ErrorCode);
    }

    [Fact]
    public async Task SetBusinessPublicKeyAsync_SendsPemField()
    {
        // openapi setBusinessEncryptionPublicKey: multipart business_public_key; example "success".
        await Admin.StubAsync(RequestPattern.For("POST", $"/v23.0/{PhoneNumberId}/whatsapp_business_encryption"), ResponseDefinition.Json(200, JsonNode.Parse("""{"success":true}""")!));
        using var client = CreateClient();
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();

        await client.Flows.SetBusinessPublicKeyAsync(pem);

        var part = Assert.Single(await ReadMultipartAsync(Assert.Single(await Admin.GetRequestsAsync())));
        Assert.Equal("business_public_key", part.Name);
        Assert.Equal(pem, part.Text);
    }

    [Fact]
    public async Task GetBusinessPublicKeyAsync_OpenApiDataArrayShape_IsRead()
    {
        // openapi getBusinessEncryptionPublicKey, example "valid_key".
        await Admin.StubAsync(RequestPattern.For("GET", $"/v23.0/{PhoneNumberId}/whatsapp_business_encryption"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"business_public_key":"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA...\n-----END PUBLIC KEY-----\n","business_public_key_signature_status":"VALID"}]}
            """)!));
        using var client = CreateClient();

        var key = await client.Flows.GetBusinessPublicKeyAsync();

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.PublicKey, StringComparison.Ordinal);
        Assert.Equal("VALID", key.SignatureStatus);
    }

    [Fact]
    public async Task GetBusinessPublicKeyAsync_TopLevelShapeWithBlankKey_IsNoKey()
    {
        // Meta's reference page shows the fields at the top level; openapi example "mismatch_key" has a blank key.
        await Admin.StubAsync(RequestPattern.For("GET", $"/v23.0/{PhoneNumberId}/whatsapp_business_encryption"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"business_public_key":" ","business_public_key_signature_status":"MISMATCH"}
            """)!));
        using var client = CreateClient();

        var key = await client.Flows.GetBusinessPublicKeyAsync();

        Assert.Null(key.PublicKey);
        Assert.Equal("MISMATCH", key.SignatureStatus);
    }

    [Fact]
    public async Task InvalidInput_FailsBeforeAnyRequest_WithoutEchoingKeys()
    {
        using var rsa = RSA.Create(2048);
        var privatePem = rsa.ExportPkcs8PrivateKeyPem();
        using var client = CreateClient(businessAccountId: null);

        var noWaba = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Flows.CreateAsync(new FlowCreateOptions("f", FlowCategories.Other)));
        var httpEndpoint = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Flows.CreateAsync(new FlowCreateOptions("f", FlowCategories.Other) { EndpointUri = new Uri("http://example.com") }, WabaId));
        var noCategory = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Flows.CreateAsync(new FlowCreateOptions("f"), WabaId));
        var privateKey = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Flows.SetBusinessPublicKeyAsync(privatePem));
        var notPem = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Flows.SetBusinessPublicKeyAsync("hello"));
        var badJson = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Flows.UploadFlowJsonAsync(FlowId, """{"version":"""));
        var badId = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Flows.PublishAsync("../me"));
        var nothing = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Flows.UpdateMetadataAsync(FlowId, new FlowMetadataUpdate()));
        var pageSize = await Assert.ThrowsAsync<WhatsAppValidationException>(async () =>
        {
            await foreach (var unused in client.Flows.ListAsync(WabaId, pageSize: 0))
            {
            }
        });

        Assert.Equal("businessAccountId", noWaba.Field);
        Assert.Equal("endpointUri", httpEndpoint.Field);
        Assert.Equal("categories", noCategory.Field);
        Assert.Equal("publicKeyPem", privateKey.Field);
        Assert.Equal("publicKeyPem", notPem.Field);
        Assert.Equal("flowJson", badJson.Field);
        Assert.Equal("flowId", badId.Field);
        Assert.Equal("update", nothing.Field);
        Assert.Equal("pageSize", pageSize.Field);
        Assert.DoesNotContain(privatePem.Split('\n')[1], privateKey.Message, StringComparison.Ordinal);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    private static async Task<List<(string Name, string? FileName, string? ContentType, string Text)>> ReadMultipartAsync(LoggedRequest request)
    {
        var contentType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.Header("Content-Type"));
        Assert.Equal("multipart/form-data", contentType.MediaType.Value);
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyBytes()));
        var parts = new List<(string, string?, string?, string)>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = section.GetContentDispositionHeader()!;
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            parts.Add((HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, Encoding.UTF8.GetString(buffer.ToArray())));
        }

        return parts;
    }

    private WhatsAppClient CreateClient(string? businessAccountId = WabaId)
    {
        var options = new WhatsAppClientOptions { BaseAddress = WireMock.BaseUri, PhoneNumberId = PhoneNumberId, BusinessAccountId = businessAccountId };
        return new WhatsAppClient(options, new InMemorySecretProvider([new(SecretNames.AccessToken, Token)]));
    }
}
