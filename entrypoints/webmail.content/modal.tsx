import { createRoot, type Root } from 'react-dom/client';
import type { ReactNode } from 'react';

type Context = InstanceType<typeof ContentScriptContext>;

/**
 * A modal over the webmail in a shadow root of its own (the link guard, the report dialog),
 * mounted at once. WXT puts the z-index on the host, whose styles its own reset
 * (`:host{all:initial !important}`) cancels: the fixed container carries it to stay on top.
 */
export async function mountModal(ctx: Context, name: string, content: ReactNode): Promise<ShadowRootContentScriptUi<Root>> {
  const ui = await createShadowRootUi<Root>(ctx, {
    name,
    position: 'modal',
    zIndex: 2147483647,
    onMount(container) {
      container.style.zIndex = '2147483647';
      const root = createRoot(container);
      root.render(content);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  return ui;
}
