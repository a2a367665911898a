// The namespaces nearly every connector and lookup file uses: the shared connector parts, credentials, the CRM
// HTTP setup, lookups and their outcomes, logging, options and service registration, and the JSON/HTTP/text types
// of the wire.
global using System.Globalization;
global using System.Net;
global using System.Net.Http.Headers;
global using System.Text;
global using System.Text.Json;
global using AriCrmRouter.Crm.Auth;
global using AriCrmRouter.Crm.Connectors;
global using AriCrmRouter.Crm.Connectors.Shared;
global using AriCrmRouter.Crm.Http;
global using AriCrmRouter.Crm.Lookup;
global using AriCrmRouter.Routing.Evaluation;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.DependencyInjection.Extensions;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
