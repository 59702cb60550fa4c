using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

/// <summary>
/// The campaign's QR code and poster, read back the way a phone and a printer would: the codes are
/// decoded by zbar and the poster's text and page size are read by poppler.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CampaignQrTests(SystemFixture system) : IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("moatown-qr-");

    public void Dispose() => _files.Delete(recursive: true);

    [Fact]
    public async Task The_png_qr_code_opens_the_campaign_entry_page()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("QR 면목동 모아타운");

        using var response = await campaigns.GetAsync($"/api/campaigns/{id}/qr.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal($"{SystemFixture.EntryLinkBase}/{id}", await DecodeAsync(png, "qr.png"));
    }

    [Fact]
    public async Task The_png_size_is_pixels_per_module()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("QR 크기");

        var small = await campaigns.GetByteArrayAsync($"/api/campaigns/{id}/qr.png?size=4");
        var usual = await campaigns.GetByteArrayAsync($"/api/campaigns/{id}/qr.png");
        var large = await campaigns.GetByteArrayAsync($"/api/campaigns/{id}/qr.png?size=40");

        // Same code, same module count: widths scale with the module size (4, 10 and 40 pixels).
        Assert.Equal(PngWidth(usual) * 4, PngWidth(small) * 10);
        Assert.Equal(PngWidth(small) * 10, PngWidth(large));
        Assert.Equal($"{SystemFixture.EntryLinkBase}/{id}", await DecodeAsync(small, "small.png"));
        Assert.Equal($"{SystemFixture.EntryLinkBase}/{id}", await DecodeAsync(large, "large.png"));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("41")]
    [InlineData("0")]
    [InlineData("-10")]
    public async Task A_module_size_out_of_range_is_a_validation_problem(string size)
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("QR 잘못된 크기");

        using var response = await campaigns.GetAsync($"/api/campaigns/{id}/qr.png?size={size}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("size", out _), problem.GetRawText());
    }

    [Fact]
    public async Task A_module_size_that_is_not_a_number_is_a_problem()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("QR 숫자 아닌 크기");

        using var response = await campaigns.GetAsync($"/api/campaigns/{id}/qr.png?size=large");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_svg_qr_code_is_an_svg_that_opens_the_entry_page()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("QR SVG");

        using var response = await campaigns.GetAsync($"/api/campaigns/{id}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.NotNull(svg.Root.Attribute("viewBox"));
        var modules = DarkModules(svg);
        Assert.NotEmpty(modules);
        Assert.Equal($"{SystemFixture.EntryLinkBase}/{id}", await DecodeAsync(Rasterize(modules), "qr.pbm"));
    }

    [Fact]
    public async Task The_poster_is_an_a4_page_with_the_campaign_the_instructions_and_a_qr_code_that_opens_the_entry_page()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var name = $"중화{Random.Shared.Next(1000, 9999)}동 모아타운 2구역";
        var id = await campaigns.CreateCampaignAsync(name, district: "중랑구");
        var entry = $"{SystemFixture.EntryLinkBase}/{id}";

        using var response = await campaigns.GetAsync($"/api/campaigns/{id}/poster.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{name} 포스터.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = Path.Combine(_files.FullName, "poster.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        var info = await CommandLineTools.RunAsync("pdfinfo", pdf);
        Assert.True(Regex.IsMatch(info, @"Pages:\s+1\n") && Regex.IsMatch(info, @"Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)"), info);

        var text = Regex.Replace(await CommandLineTools.RunAsync("pdftotext", "-layout", pdf, "-"), @"\s+", " ");
        Assert.Contains(name, text);
        Assert.Contains($"중랑구 · {name} 구역", text);
        Assert.Contains("휴대전화 카메라로 QR 코드를 찍으세요.", text);
        Assert.Contains("이름, 생년월일, 휴대전화 번호를 입력하면 문자로 인증번호가 옵니다.", text);
        Assert.Contains("준비물: 본인 명의의 휴대전화", text);
        Assert.Contains(entry, text);

        // Printed at 150 dpi, as an office printer would; the code must still read.
        await CommandLineTools.RunAsync("pdftoppm", "-png", "-r", "150", "-singlefile", pdf, Path.Combine(_files.FullName, "poster"));
        Assert.Equal(entry, (await CommandLineTools.RunAsync("zbarimg", "--raw", "-q", Path.Combine(_files.FullName, "poster.png"))).Trim());
    }

    [Fact]
    public async Task A_long_name_is_wrapped_onto_the_poster_and_the_code_still_reads()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        // Nearly the longest name a campaign may have (its area, the name and " 구역", is the longest), with no space to break at.
        var name = string.Concat(Enumerable.Repeat("면목본동모아타운주민제안동의서", 14))[..197];
        var id = await campaigns.CreateCampaignAsync(name);
        var pdf = Path.Combine(_files.FullName, "long.pdf");
        await File.WriteAllBytesAsync(pdf, await campaigns.GetByteArrayAsync($"/api/campaigns/{id}/poster.pdf"));

        // pdftotext leaves out what falls off the page, so the whole name read back means it was all printed on it.
        var text = Regex.Replace(await CommandLineTools.RunAsync("pdftotext", pdf, "-"), @"\s+", "");
        Assert.Contains(name, text);
        Assert.Contains($"{SystemFixture.EntryLinkBase}/{id}", text);
        await CommandLineTools.RunAsync("pdftoppm", "-png", "-r", "150", "-singlefile", pdf, Path.Combine(_files.FullName, "long"));
        Assert.Equal($"{SystemFixture.EntryLinkBase}/{id}", (await CommandLineTools.RunAsync("zbarimg", "--raw", "-q", Path.Combine(_files.FullName, "long.png"))).Trim());
    }

    [Fact]
    public async Task The_poster_qr_code_is_at_least_six_centimetres_wide_when_printed()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("QR 인쇄 크기");
        var pdf = Path.Combine(_files.FullName, "size.pdf");
        await File.WriteAllBytesAsync(pdf, await campaigns.GetByteArrayAsync($"/api/campaigns/{id}/poster.pdf"));

        // At 100 dpi a pixel is 1/100 inch.
        await CommandLineTools.RunAsync("pdftoppm", "-gray", "-r", "100", "-singlefile", pdf, Path.Combine(_files.FullName, "size"));
        var widthCm = QrCodeWidthInPixels(await File.ReadAllBytesAsync(Path.Combine(_files.FullName, "size.pgm"))) / 100.0 * 2.54;

        Assert.True(widthCm >= 6, $"the code is {widthCm:0.0} cm wide");
    }

    [Fact]
    public async Task An_open_campaign_has_a_qr_code_and_a_closed_one_has_none()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateOpenCampaignAsync("QR 열림 닫힘");

        using var open = await campaigns.GetAsync($"/api/campaigns/{id}/qr.png");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal($"{SystemFixture.EntryLinkBase}/{id}", await DecodeAsync(await open.Content.ReadAsByteArrayAsync(), "open.png"));

        (await campaigns.PostAsync($"/api/campaigns/{id}/close", null)).EnsureSuccessStatusCode();
        foreach (var file in new[] { "qr.png", "qr.svg", "poster.pdf" })
        {
            using var closed = await campaigns.GetAsync($"/api/campaigns/{id}/{file}");
            await closed.AssertProblemAsync(HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task Another_organizers_campaign_is_not_found()
    {
        var secretA = await system.RegisterClientAsync("qr-organizer-a", [Roles.Organizer], [Scopes.Campaigns]);
        var secretB = await system.RegisterClientAsync("qr-organizer-b", [Roles.Organizer], [Scopes.Campaigns]);
        using var organizerA = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "qr-organizer-a", secretA);
        using var organizerB = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "qr-organizer-b", secretB);
        var id = await organizerA.CreateCampaignAsync("QR A의 캠페인");

        foreach (var file in new[] { "qr.png", "qr.svg", "poster.pdf" })
        {
            Assert.Equal(HttpStatusCode.OK, (await organizerA.GetAsync($"/api/campaigns/{id}/{file}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await organizerB.GetAsync($"/api/campaigns/{id}/{file}")).StatusCode);
        }
    }

    [Fact]
    public async Task The_district_officer_of_the_district_may_print_the_poster()
    {
        var secret = await system.RegisterClientAsync("qr-officer-dongjak", [Roles.DistrictOfficer], [Scopes.Campaigns], district: "동작구");
        using var officer = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "qr-officer-dongjak", secret);
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var inDistrict = await campaigns.CreateCampaignAsync("QR 동작구", district: "동작구");
        var elsewhere = await campaigns.CreateCampaignAsync("QR 중랑구", district: "중랑구");

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/campaigns/{inDistrict}/poster.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/campaigns/{elsewhere}/poster.pdf")).StatusCode);
    }

    [Fact]
    public async Task No_token_is_unauthorized()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("QR 토큰 없음");
        using var anonymous = system.Campaigns.CreateClient();

        foreach (var file in new[] { "qr.png", "qr.svg", "poster.pdf" })
        {
            using var response = await anonymous.GetAsync($"/api/campaigns/{id}/{file}");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Without_an_entry_link_base_or_the_poster_font_the_answer_names_the_setting()
    {
        await using var unconfigured = system.CreateCampaigns(new()
        {
            ["Campaigns:Entry:LinkBase"] = "",
            ["Campaigns:Poster:FontDirectory"] = _files.FullName,
        });
        await using var withoutFont = system.CreateCampaigns(new() { ["Campaigns:Poster:FontDirectory"] = _files.FullName });
        using var noLink = await system.ClientAsync(unconfigured, Scopes.Campaigns);
        using var noFont = await system.ClientAsync(withoutFont, Scopes.Campaigns);
        var id = await noLink.CreateCampaignAsync("QR 설정 없음");

        foreach (var file in new[] { "qr.png", "qr.svg", "poster.pdf" })
        {
            using var response = await noLink.GetAsync($"/api/campaigns/{id}/{file}");
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("Campaigns:Entry:LinkBase", problem.GetProperty("detail").GetString());
        }
        using var poster = await noFont.GetAsync($"/api/campaigns/{id}/poster.pdf");
        var fontProblem = await poster.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Campaigns:Poster:FontDirectory", fontProblem.GetProperty("detail").GetString());
        // The QR codes need no font.
        Assert.Equal(HttpStatusCode.OK, (await noFont.GetAsync($"/api/campaigns/{id}/qr.png")).StatusCode);
    }

    [Fact]
    public async Task The_endpoints_are_in_the_api_reference()
    {
        using var anonymous = system.Campaigns.CreateClient();

        var document = await anonymous.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/campaigns/{id}/qr.png\"", document);
        Assert.Contains("\"/api/campaigns/{id}/qr.svg\"", document);
        Assert.Contains("\"/api/campaigns/{id}/poster.pdf\"", document);
        Assert.Contains("\"image/png\"", document);
        Assert.Contains("\"image/svg+xml\"", document);
        Assert.Contains("\"application/pdf\"", document);
    }

    private async Task<string> DecodeAsync(byte[] image, string fileName)
    {
        var path = Path.Combine(_files.FullName, fileName);
        await File.WriteAllBytesAsync(path, image);
        return (await CommandLineTools.RunAsync("zbarimg", "--raw", "-q", path)).Trim();
    }

    /// <summary>
    /// The width of the QR code in a greyscale page image (binary PGM): across the top finder patterns,
    /// found as a scanner finds them, by their dark-light-dark-light-dark runs in the ratio 1:1:3:1:1.
    /// A line of text can look like two such patterns by chance; the code's top rows all give the same
    /// width, so the width seen on the most rows wins.
    /// </summary>
    private static int QrCodeWidthInPixels(byte[] pgm)
    {
        var header = Regex.Match(Encoding.ASCII.GetString(pgm, 0, 64), @"^P5\s+(\d+)\s+(\d+)\s+255\s");
        Assert.True(header.Success, "pdftoppm -gray writes a binary PGM");
        var (width, height, offset) = (int.Parse(header.Groups[1].Value), int.Parse(header.Groups[2].Value), header.Length);
        var rowsByWidth = new Dictionary<int, int>();
        for (var y = 0; y < height; y++)
        {
            var runs = new List<(bool Dark, int Start, int Length)>();
            for (var x = 0; x < width; x++)
            {
                var dark = pgm[offset + y * width + x] < 128;
                if (runs.Count > 0 && runs[^1].Dark == dark)
                {
                    runs[^1] = runs[^1] with { Length = runs[^1].Length + 1 };
                }
                else
                {
                    runs.Add((dark, x, 1));
                }
            }
            var finders = new List<(int Start, int End)>();
            for (var i = 0; i + 4 < runs.Count; i++)
            {
                if (!runs[i].Dark)
                {
                    continue;
                }
                var lengths = runs.Skip(i).Take(5).Select(r => (double)r.Length).ToArray();
                var unit = lengths.Sum() / 7;
                if (unit >= 2 && lengths.Zip(new[] { 1.0, 1, 3, 1, 1 }).All(p => Math.Abs(p.First - p.Second * unit) <= unit * 0.6))
                {
                    finders.Add((runs[i].Start, runs[i + 4].Start + runs[i + 4].Length));
                }
            }
            if (finders.Count >= 2)
            {
                var across = finders.Max(f => f.End) - finders.Min(f => f.Start);
                rowsByWidth[across] = rowsByWidth.GetValueOrDefault(across) + 1;
            }
        }
        Assert.True(rowsByWidth.Count > 0, "no QR code finder patterns on the page");
        return rowsByWidth.MaxBy(w => w.Value).Key;
    }

    private static int PngWidth(byte[] png) => BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));

    /// <summary>The dark modules the SVG's path draws, as (column, row): QRCoder writes each run as "M x y h n v1 h-n z" in module units.</summary>
    private static HashSet<(int X, int Y)> DarkModules(XDocument svg)
    {
        var modules = new HashSet<(int, int)>();
        foreach (var path in svg.Descendants().Where(e => e.Name.LocalName == "path"))
        {
            foreach (Match run in Regex.Matches(path.Attribute("d")!.Value, @"M(\d+)[ ,](\d+)h(\d+)v1h-\3z"))
            {
                var (x, y, length) = (int.Parse(run.Groups[1].Value), int.Parse(run.Groups[2].Value), int.Parse(run.Groups[3].Value));
                for (var i = 0; i < length; i++)
                {
                    modules.Add((x + i, y));
                }
            }
        }
        return modules;
    }

    /// <summary>A plain PBM with a four-module margin, 4 pixels a module: the simplest image zbar reads.</summary>
    private static byte[] Rasterize(HashSet<(int X, int Y)> modules)
    {
        const int scale = 4, margin = 4;
        var side = modules.Max(m => Math.Max(m.X, m.Y)) + 1 + 2 * margin;
        var pbm = new StringBuilder($"P1\n{side * scale} {side * scale}\n");
        for (var py = 0; py < side * scale; py++)
        {
            for (var px = 0; px < side * scale; px++)
            {
                pbm.Append(modules.Contains((px / scale - margin, py / scale - margin)) ? "1 " : "0 ");
            }
            pbm.Append('\n');
        }
        return Encoding.ASCII.GetBytes(pbm.ToString());
    }
}
