import { useId, type ReactNode } from 'react';

/** One titled part of the options page; the heading names the region for screen readers. */
export function Section(props: {
  title: string;
  intro?: string;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="options-section" aria-labelledby={id} data-testid={props.testId}>
      <h2 id={id}>{props.title}</h2>
      {props.intro ? <p className="section-intro">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}
