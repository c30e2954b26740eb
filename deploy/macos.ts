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
  organisation: string;
  policy: Record<string, unknown>;
  /** Chrome and Edge (whichever the package installs into): the ID and its ExtensionSettings entry. */
  browsers: { browser: 'chrome' | 'edge'; id: string; extensionSettings: Record<string, unknown> }[];
}

const macDomains = { chrome: 'com.google.Chrome', edge: 'com.microsoft.Edge' } as const;

export function macProfile({ organisation, policy, browsers }: MacProfileInput): string {
  const id = browsers[0]?.id ?? '';
  const identifier = `vn.khienthu.policy.${id}`;
  const payloads = browsers.flatMap(({ browser, id: extensionId, extensionSettings }) => [
    { domain: macDomains[browser], settings: { ExtensionSettings: { [extensionId]: extensionSettings } } },
    { domain: `${macDomains[browser]}.extensions.${extensionId}`, settings: policy },
  ]).map(({ domain, settings }) => ({
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
