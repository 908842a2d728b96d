using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using NodaTime.Text;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Writes a directory as one page of compiled HSDS 3.0 <c>organization</c> records with <see cref="Utf8JsonWriter"/>
/// (no reflection). Field by field rules and what is lossy: docs/open-referral.md, "Export". One export; not thread-safe.
/// </summary>
internal sealed partial class HsdsExportWriter
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    private readonly Utf8JsonWriter _w;
    private readonly HsdsExportOptions _options;

    private HsdsExportWriter(Utf8JsonWriter writer, HsdsExportOptions options)
    {
        _w = writer;
        _options = options;
    }

    public static void Write(ReferralDirectory directory, Stream utf8Json, HsdsExportOptions options)
    {
        // Relaxed escaping keeps '+', apostrophes and non-ASCII letters readable; the output is a data file, never HTML.
        var writerOptions = new JsonWriterOptions { Indented = options.Indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var writer = new Utf8JsonWriter(utf8Json, writerOptions);
        new HsdsExportWriter(writer, options).WritePage(directory);
        writer.Flush();
    }

    /// <summary>
    /// A UUID of version 8 (RFC 9562, custom) from the SHA-256 of the owner, the role and the index: the same entity of
    /// the same directory always gets the same id, and entities of different owners or roles never share one.
    /// </summary>
    public static string DerivedId(string owner, string role, int index)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{owner}\n{role}\n{index}")), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    private static string ServiceKey(Service service) => "service:" + service.Id;

    private void WritePage(ReferralDirectory directory)
    {
        var count = directory.Organizations.Length;
        _w.WriteStartObject();
        _w.WriteNumber("total_items", count);
        _w.WriteNumber("total_pages", 1);
        _w.WriteNumber("page_number", 1);
        _w.WriteNumber("size", count);
        _w.WriteBoolean("first_page", true);
        _w.WriteBoolean("last_page", true);
        _w.WriteBoolean("empty", count == 0);
        _w.WriteStartArray("contents");
        foreach (var organization in directory.Organizations)
        {
            WriteOrganization(organization);
        }

        _w.WriteEndArray();
        _w.WriteEndObject();
    }

    private void WriteOrganization(Organization organization)
    {
        _w.WriteStartObject();
        _w.WriteString("id", organization.Id);
        _w.WriteString("name", organization.Name);

        // HSDS requires a description and we keep none: the kind of organization is the most we can say.
        _w.WriteString("description", KindDescription(organization.Kind));
        if (organization.Website is { } website && Uri.TryCreate(website, UriKind.Absolute, out _))
        {
            _w.WriteString("website", website);
        }

        _w.WriteStartArray("services");
        foreach (var service in organization.Services)
        {
            WriteService(organization, service);
        }

        _w.WriteEndArray();
        _w.WriteEndObject();
    }

    private static string KindDescription(OrganizationKind kind) => kind switch
    {
        OrganizationKind.TaskForce => "An anti-trafficking task force.",
        OrganizationKind.Coalition => "A coalition of organizations.",
        OrganizationKind.LawEnforcement => "A law-enforcement agency.",
        OrganizationKind.GovernmentAgency => "A government agency.",
        OrganizationKind.TrainerOrSpeaker => "A trainer or speaker.",
        _ => "A service provider.",
    };

    private void WriteService(Organization organization, Service service)
    {
        var key = ServiceKey(service);
        _w.WriteStartObject();
        _w.WriteString("id", service.Id);
        _w.WriteString("organization_id", organization.Id);
        _w.WriteString("name", service.Name);
        var emails = service.Contacts.Where(c => c.Channel == ContactChannel.Email).ToList();
        var links = service.Contacts.Where(c => c.Channel is ContactChannel.Chat or ContactChannel.WebForm && Uri.TryCreate(c.Value, UriKind.Absolute, out _));
        if (links.FirstOrDefault() is { } link)
        {
            _w.WriteString("url", link.Value);
        }

        if (emails.Count > 0)
        {
            _w.WriteString("email", emails[0].Value);
        }

        _w.WriteString("status", "active");
        if (service.Population.MinAge is { } min)
        {
            _w.WriteNumber("minimum_age", min);
        }

        if (service.Population.MaxAge is { } max)
        {
            _w.WriteNumber("maximum_age", max);
        }

        _w.WriteString("assured_date", IsoDate.Format(service.LastVerified));

        _w.WriteStartArray("phones");
        var phone = 0;
        foreach (var contact in service.Contacts.Where(c => c.Channel is ContactChannel.Phone or ContactChannel.Text))
        {
            _w.WriteStartObject();
            _w.WriteString("id", DerivedId(key, "phone", phone++));
            _w.WriteString("service_id", service.Id);
            _w.WriteString("number", contact.Value);
            _w.WriteString("type", contact.Channel == ContactChannel.Text ? "text" : "voice");
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
        WriteSchedules(service, key);
        WriteAreas(service, key);
        WriteLocations(service, key);

        _w.WriteStartArray("languages");
        for (var i = 0; i < service.Languages.Length; i++)
        {
            _w.WriteStartObject();
            _w.WriteString("id", DerivedId(key, "language", i));
            _w.WriteString("service_id", service.Id);
            _w.WriteString("code", service.Languages[i].Value);
            _w.WriteEndObject();
        }

        _w.WriteEndArray();

        // A second email has no service field: it is a contact.
        _w.WriteStartArray("contacts");
        for (var i = 1; i < emails.Count; i++)
        {
            _w.WriteStartObject();
            _w.WriteString("id", DerivedId(key, "contact", i - 1));
            _w.WriteString("service_id", service.Id);
            _w.WriteString("email", emails[i].Value);
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
        WriteServiceAttributes(service, key);
        _w.WriteEndObject();
    }

    private void WriteServiceAttributes(Service service, string key)
    {
        _w.WriteStartArray("attributes");
        var index = 0;
        void Term(string taxonomy, string code) => HsdsExportTerms.WriteAttribute(_w, key, service.Id, "service", index++, taxonomy, code);

        foreach (var type in service.Types)
        {
            Term(HsdsTaxonomy.ServiceTypeTaxonomy, WireNames.Of(type));
        }

        if (_options.PrivateAttributes)
        {
            foreach (var gender in service.Population.Genders)
            {
                Term(HsdsExportTerms.PopulationTaxonomy, "gender:" + WireNames.Of(gender));
            }

            foreach (var trafficking in service.Population.TraffickingTypes)
            {
                Term(HsdsExportTerms.PopulationTaxonomy, "trafficking-type:" + WireNames.Of(trafficking));
            }

            foreach (var status in service.Population.ImmigrationStatuses)
            {
                Term(HsdsExportTerms.PopulationTaxonomy, "immigration-status:" + WireNames.Of(status));
            }

            Term(HsdsExportTerms.CapacityTaxonomy, WireNames.Of(service.Capacity));
            if (service.AcceptsWarmTransfers)
            {
                Term(HsdsExportTerms.WarmTransferTaxonomy, HsdsExportTerms.AcceptsCode);
            }
        }

        _w.WriteEndArray();
    }
}
