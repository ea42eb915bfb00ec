using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using KnowledgeGraph.Api.Security.TrustedDocuments;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Security;

/// <summary>How the service guards its HTTP surface: API keys, request limits, CORS and rate limiting.</summary>
public static class SecurityServices
{
    private const string CorsPolicy = "dashboards";

    public static IServiceCollection AddKnowledgeGraphSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<RequestLimits>().Bind(configuration.GetSection(RequestLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyGate>();
        services.AddOptions<TrustedDocumentOptions>().Bind(configuration.GetSection(TrustedDocumentOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedDocumentOptions>, TrustedDocumentOptionsValidator>();
        services.AddSingleton<TrustedDocumentSet>();

        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        if (origins.Length > 0)
        {
            services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.WithOrigins(origins).WithMethods("GET", "POST").AllowAnyHeader()));
        }

        var permitsPerMinute = configuration.GetValue<int?>("RateLimit:PermitsPerMinute");
        if (permitsPerMinute is > 0)
        {
            services.AddRateLimiter(o =>
            {
                o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => PartitionKey(http) is { } key
                    ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute.Value, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
                o.OnRejected = WriteRejectionAsync;
            });
        }

        return services;
    }

    public static WebApplication UseKnowledgeGraphSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ApiKeyGate>().IsOpen)
        {
            app.Logger.LogWarning("No API key is configured (Auth:Keys): writes are accepted from loopback only. Create one with `kg keys create --scope write`.");
        }

        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null)
        {
            app.UseCors(CorsPolicy);
        }

        if (app.Services.GetService<IOptions<RateLimiterOptions>>()?.Value.GlobalLimiter is not null)
        {
            app.UseRateLimiter();
        }

        app.UseMiddleware<BodySizeLimit>();
        return app;
    }

    /// <summary>The API key's hash when one is sent, else the client address; health checks and static files are never limited.</summary>
    private static string? PartitionKey(HttpContext http)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/graphql") && !path.StartsWithSegments("/api"))
        {
            return null;
        }

        return ApiKeyGate.PresentedKey(http.Request) is { } key
            ? "key:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))
            : "ip:" + (http.Connection.RemoteIpAddress ?? IPAddress.Loopback);
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json; charset=utf-8";
        var message = $"Too many requests: over RateLimit:PermitsPerMinute; retry after {seconds} s.";
        object body = http.Request.Path.StartsWithSegments("/graphql") ? new { errors = new[] { new { message } } } : new { error = message };
        await http.Response.WriteAsync(JsonSerializer.Serialize(body), cancellationToken);
    }
}
