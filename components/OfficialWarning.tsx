import { sanitizeWarningText } from '@/lib/policy/warning-text';

/**
 * The province's own warning, from policy: a little HTML that an administrator wrote, never
 * anything from a message, and sanitised right where it becomes markup.
 */
export function OfficialWarning({ html }: { html: string }) {
  if (!html.trim()) return null;
  return <div className="banner__official" dangerouslySetInnerHTML={{ __html: sanitizeWarningText(html) }} />;
}
