import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink as MantineNavLink,
  type NavLinkProps as MantineNavLinkProps,
} from '@mantine/core';
import { createLink, useNavigate } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, type Ref, useEffect, useRef } from 'react';

// Mantine components that navigate with the router (real <a href> links: open in new tab works,
// and the router handles the click).

type AnchorBase = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & {
  ref?: Ref<HTMLAnchorElement>;
};

function AnchorBaseComponent(props: AnchorProps & AnchorBase) {
  return <Anchor {...props} />;
}
function ButtonBaseComponent(props: ButtonProps & AnchorBase) {
  return <Button component="a" {...props} />;
}
function NavLinkBaseComponent(props: MantineNavLinkProps & AnchorBase) {
  return <MantineNavLink component="a" {...props} />;
}

export const RouterAnchor = createLink(AnchorBaseComponent);
export const RouterButton = createLink(ButtonBaseComponent);
export const RouterNavLink = createLink(NavLinkBaseComponent);

/**
 * Navigates once, when mounted. (The router's own <Navigate> navigates again on every re-render
 * with new props, which loops while the router state it listens to keeps changing.)
 */
export function Redirect({
  to,
  href,
  search,
}: {
  to?: string;
  href?: string;
  search?: Record<string, unknown>;
}) {
  const navigate = useNavigate();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    // biome-ignore lint/suspicious/noExplicitAny: targets are app paths built by the caller
    void navigate(href ? { href, replace: true } : { to: to as any, search: search as any, replace: true });
  }, [navigate, to, href, search]);
  return null;
}

/**
 * A record another part of the product named for us (a role's scope, an audited record): its name,
 * linked to its page. The server gives both, so no module needs to be known here.
 */
export function RecordRefLink({ name, href }: { name: string | null; href: string | null }) {
  if (!name)
    return (
      <Anchor component="span" c="dimmed" underline="never">
        …
      </Anchor>
    );
  if (!href) return <>{name}</>;
  // biome-ignore lint/suspicious/noExplicitAny: an app path the server built for the record
  return <RouterAnchor to={href as any}>{name}</RouterAnchor>;
}
