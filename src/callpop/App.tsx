export function App() {
  return (
    <main style={{ padding: 16 }}>
      <h1>Call</h1>
    </main>
  );
}
