import { cloneElement, lazy, Suspense, useState, type ComponentType, type LazyExoticComponent, type ReactElement } from "react";

/** What a deferred popup receives besides its own props: the trigger to wrap, and whether to open at once. */
export interface DeferredPopupProps {
  trigger: ReactElement;
  defaultOpened: boolean;
}

type Loader<P> = () => Promise<ComponentType<P & DeferredPopupProps>>;
type AnyPopup = ComponentType<DeferredPopupProps>;
// One lazy component per loader (loaders are module constants), so re-renders don't re-suspend.
const lazies = new WeakMap<object, LazyExoticComponent<AnyPopup>>();
function lazyOf<P>(load: Loader<P>): LazyExoticComponent<ComponentType<P & DeferredPopupProps>> {
  let found = lazies.get(load);
  if (!found) {
    found = lazy(async () => ({ default: (await load()) as unknown as AnyPopup }));
    lazies.set(load, found);
  }
  return found as unknown as LazyExoticComponent<ComponentType<P & DeferredPopupProps>>;
}

interface DeferredProps<P> {
  trigger: ReactElement<Record<string, unknown>>;
  /** The module with the Menu around `trigger`, fetched when the pointer or focus first reaches it. */
  load: Loader<P>;
  props: P;
}

/**
 * The top bar's menus: their trigger is drawn at once, the Menu (Mantine's Popover and floating-ui, ~20 KB
 * gzip) is fetched when the pointer or focus reaches the trigger and opens on its first click, so no page's
 * first load carries it.
 */
export function Deferred<P>({ trigger, load, props }: DeferredProps<P>) {
  const [opened, setOpened] = useState<boolean | null>(null);
  if (opened === null) {
    // Reaching it only fetches the code; the swap waits for the click. Swapping on hover raced the click
    // itself (mousedown on one element, mouseup on its replacement: no click).
    const reach = () => void load();
    return cloneElement(trigger, { onPointerEnter: reach, onFocus: reach, onClick: () => setOpened(true) });
  }
  const Popup = lazyOf(load);
  return (
    <Suspense fallback={trigger}>
      <Popup {...props} trigger={trigger} defaultOpened={opened} />
    </Suspense>
  );
}
