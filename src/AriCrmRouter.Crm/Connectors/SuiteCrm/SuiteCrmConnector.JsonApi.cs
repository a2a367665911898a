namespace AriCrmRouter.Crm.Connectors.SuiteCrm;

/// <summary>SuiteCRM 7.10+/8.x JSON:API (V8): OAuth2 token at <c>{prefix}/Api/access_token</c>, filters in the query string.</summary>
internal sealed partial class SuiteCrmConnector
{
    private async Task<SuiteCrmBearer> RequestTokenAsync(SuiteCrmSettings settings, string connectionName, CancellationToken cancellationToken)
    {
        var tokenUrl = settings.ApiUri("Api/access_token");
        Events.RequestingCredential(connectionName, settings.GrantType, tokenUrl);
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", settings.GrantType),
            new("client_id", settings.ClientId!),
            new("client_secret", settings.ClientSecret!),
        };
        if (settings.GrantType == "password")
        {
            form.Add(new("username", settings.UserName!));
            form.Add(new("password", settings.Password!));
        }

        var response = await Crm.PostTokenAsync(tokenUrl, form, connectionName, cancellationToken);
        var answer = response.Deserialize(CrmJsonContext.Default.OAuthTokenAnswer, connectionName, OAuthTokenEndpoint.Step);
        if (string.IsNullOrEmpty(answer.AccessToken))
        {
            throw VendorJson.Malformed(connectionName, OAuthTokenEndpoint.Step, "the token answer has no access_token");
        }

        DateTimeOffset? expiresAt = answer.ExpiresIn is > 0 ? Crm.Time.GetUtcNow().AddSeconds(answer.ExpiresIn.Value) : null;
        return new SuiteCrmBearer(answer.AccessToken, expiresAt);
    }

    /// <summary>One request per value (a JSON:API filter names each field once), stopping at the first record.</summary>
    private async Task<LookupOutcome> SearchJsonApiAsync(SuiteCrmSettings settings, SuiteCrmBearer token, SuiteLookup lookup, CancellationToken cancellationToken)
    {
        foreach (var value in lookup.Values)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, settings.ApiUri(ModuleQuery(lookup, value)));
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.api+json"));
            var response = await Crm.SendAsync(message, lookup.ConnectionName, "module search", cancellationToken);
            response.EnsureSuccess(lookup.ConnectionName, "module search");
            using var document = VendorJson.Parse(response.Body, lookup.ConnectionName, "module search");
            if (VendorJson.FirstItem(document.RootElement, "data", lookup.ConnectionName, "module search") is { } record)
            {
                return VendorJson.FieldOutcome(record, "attributes", lookup.Field);
            }
        }

        return LookupOutcome.NotFound;
    }

    private static string ModuleQuery(SuiteLookup lookup, string value)
    {
        var query = new StringBuilder($"Api/V8/module/{lookup.Module}?fields[{lookup.Module}]={lookup.Field}");
        if (lookup.KeyFields.Count > 1)
        {
            query.Append("&filter[operator]=or");
        }

        foreach (var field in lookup.KeyFields)
        {
            query.Append("&filter[").Append(field).Append("][eq]=").Append(Uri.EscapeDataString(value));
        }

        return query.Append("&page[size]=1").ToString();
    }
}
