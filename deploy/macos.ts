/**
 * A macOS configuration profile (`.mobileconfig`, for MDM or a double-click install) that
 * force-installs the extension in Chrome and Edge and gives it its settings. Chrome and Edge read
 * their own policy from the `com.google.Chrome` / `com.microsoft.Edge` domains, and an extension's
 * `3rdparty` settings from `com.google.Chrome.extensions.<id>` / `com.microsoft.Edge.extensions.<id>`.
 */
import { createHash } from 'node:crypto';
import { escapeXml as xml } from '../lib/xml';


/** A property-list value: strings, booleans, integers, arrays and dictionaries, as JSON gives them. */
export function plistValue(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (typeof value === 'string') return `${indent}<string>${xml(value)}</string>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number' && Number.isInteger(value)) return `${indent}<integer>${value}</integer>`;
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.map((item) => plistValue(item, inner)), `${indent}</array>`].join('\n');
  if (typeof value === 'object' && value !== null) {
    return [`${indent}<dict>`, ...Object.entries(value).flatMap(([key, item]) => [`${inner}<key>${xml(key)}</key>`, plistValue(item, inner)]), `${indent}</dict>`].join('\n');
  }
  throw new Error(`no property-list form for ${JSON.stringify(value)}`);
}

/** A stable UUID from a name, so that a profile made again replaces the one installed. */
function uuidOf(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

export interface MacProfileInput {
  id: string;
  updateUrl: string;
  organisation: string;
  policy: Record<string, unknown>;
}

export function macProfile({ id, updateUrl, organisation, policy }: MacProfileInput): string {
  const identifier = `vn.khienthu.policy.${id}`;
  const payloads = [
    { domain: 'com.google.Chrome', settings: { ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: updateUrl, override_update_url: true, toolbar_pin: 'force_pinned' } } } },
    { domain: `com.google.Chrome.extensions.${id}`, settings: policy },
    { domain: 'com.microsoft.Edge', settings: { ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: updateUrl, override_update_url: true, toolbar_state: 'force_shown' } } } },
    { domain: `com.microsoft.Edge.extensions.${id}`, settings: policy },
  ].map(({ domain, settings }) => ({
    PayloadType: domain,
    PayloadIdentifier: `${identifier}.${domain}`,
    PayloadUUID: uuidOf(`${identifier}.${domain}`),
    PayloadVersion: 1,
    PayloadDisplayName: `Khiên Thư — ${domain}`,
    ...settings,
  }));
  const profile = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: uuidOf(identifier),
    PayloadDisplayName: `Khiên Thư — ${organisation}`,
    PayloadDescription: 'Cài Khiên Thư cho Chrome và Edge và đặt cấu hình của đơn vị. Installs Khiên Thư in Chrome and Edge with the organisation\'s settings.',
    PayloadScope: 'System',
    PayloadContent: payloads,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
${plistValue(profile)}
</plist>
`;
}
