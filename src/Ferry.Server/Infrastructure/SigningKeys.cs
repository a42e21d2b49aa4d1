using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Ferry.Server.Infrastructure;

static class SigningKeys
{
    /// <summary>The configured key, or one generated on first start and kept in the data folder so tokens survive restarts.</summary>
    public static SymmetricSecurityKey Load(AuthOptions options, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));
        }
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, "signing.key");
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            file.Write(key);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return new SymmetricSecurityKey(File.ReadAllBytes(path));
    }
}
