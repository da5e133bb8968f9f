import Markdown from "react-markdown";

/**
 * An operator-written guide (Markdown). react-markdown renders it to React elements; raw HTML in it is shown as
 * text, not interpreted (no rehype-raw), and link targets are sanitised by react-markdown's default urlTransform.
 */
export function ApiGuide({ markdown }: { markdown: string }) {
  return (
    <section
      aria-label="Guide"
      className="prose-sm mb-6 grid gap-2 rounded-lg border p-4 text-sm [&_a]:underline [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:text-base [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-muted [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5"
    >
      <Markdown skipHtml>{markdown}</Markdown>
    </section>
  );
}
