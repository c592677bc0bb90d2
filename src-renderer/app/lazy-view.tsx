// Code splitting of the renderer: each window and each later kiosk screen is its own chunk, so the kiosk's first screen loads only what it draws.
import { Alert, Button, Spin } from 'antd';
import { Component, lazy, useEffect, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Loader = () => Promise<unknown>;

const registered: Loader[] = [];

/**
 * A component that lives in a chunk of its own, named by its export: `lazyView(() => import('./X.js'), 'X')`.
 * The loader is also remembered so `usePrefetchViews` can fetch every registered chunk once the first
 * screen is up: a candidate then never waits on a chunk between steps, and a kiosk whose files are
 * replaced underneath it (browser mode, rebuilt renderer) has already loaded what it needs.
 */
// ComponentType<any> is React.lazy's own bound; the props stay exact through Module[Name].
export function lazyView<Name extends string, Module extends Record<Name, ComponentType<any>>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  registered.push(load);
  return lazy(async () => ({ default: (await load())[name] }));
}

/** After the first paint, when the page is idle, fetches every chunk `lazyView` registered (each only once: import() caches). */
export function usePrefetchViews(): void {
  useEffect(() => {
    const prefetch = () => {
      // A failed prefetch is not an error yet: the screen's own load reports it when the candidate gets there.
      for (const load of registered) load().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(prefetch, { timeout: 2000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(prefetch, 200);
    return () => window.clearTimeout(handle);
  }, []);
}

/** What stands where a screen is still loading: a labelled spinner inside the window's frame, never an empty page. */
export function ViewLoading() {
  const { t } = useTranslation();
  return (
    // antd's Spin is itself a polite live region (aria-busy), so screen readers hear the label.
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

export function ViewLoadFailed() {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      style={{ maxWidth: 560, margin: '24px auto' }}
      title={t('app.viewLoadFailed')}
      action={
        // React.lazy keeps a failed load for good, so trying again means loading the page again
        // (at the kiosk that starts over at the home screen with the candidate's traces cleared).
        <Button onClick={() => window.location.reload()}>{t('app.retry')}</Button>
      }
    />
  );
}

/** Catches a chunk that failed to load (a file missing after an update) and offers to reload instead of a blank window. */
export class ViewBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <ViewLoadFailed /> : this.props.children;
  }
}
