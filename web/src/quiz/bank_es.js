// The built-in questions in Spanish, by id: the same options in the same order as bank.js (which
// of them is correct, the topics and types come from there). A question missing here, or with a
// different number of options, fails tests/node/quiz_bank_es.test.mjs.
export const SPANISH_QUESTIONS = {
  'qkv-roles': {
    prompt: 'En la imagen de la biblioteca, ¿cuál de consulta (Query), clave (Key) y valor (Value) es el libro que te llevas a casa?',
    options: [
      ['La consulta (Query)', 'La consulta es lo que buscas, la pregunta que llevas al mostrador.'],
      ['La clave (Key)', 'Una clave es la etiqueta de cada libro: se compara con la consulta, no se entrega.'],
      ['El valor (Value)', 'Correcto: los valores son el contenido que se mezcla en la salida, ponderado según lo bien que encajó cada clave.'],
      ['La puntuación', 'La puntuación solo dice lo bien que encajó una clave; no es contenido.'],
    ],
    explanation: 'Las consultas se comparan con las claves para decidir cuánto tomar de cada valor.',
  },
  'qkv-same-token': {
    prompt: 'En la autoatención, cada palabra recibe su propia consulta, clave y valor. ¿Qué afirmaciones son ciertas?',
    options: [
      ['Salen del mismo vector de la palabra multiplicado por tres matrices aprendidas distintas', 'Sí: W_Q, W_K y W_V proyectan un mismo vector de tres maneras.'],
      ['La consulta y la clave de una palabra son siempre iguales', 'Salen de matrices distintas, así que suelen ser diferentes.'],
      ['Una palabra puede atenderse a sí misma', 'Sí: su propia clave está entre las claves que puntúa.'],
      ['Los valores son fijos y nunca se aprenden', 'W_V se aprende igual que W_Q y W_K.'],
    ],
    explanation: 'Un vector de entrada, tres proyecciones aprendidas; cada palabra puntúa todas las claves, incluida la suya.',
  },
  'dot-product': {
    prompt: 'La puntuación entre una consulta y una clave es su producto escalar. ¿Cuándo es grande?',
    options: [
      ['Cuando los dos vectores apuntan en direcciones parecidas', 'Correcto: vectores alineados dan un producto escalar grande y positivo.'],
      ['Cuando los dos vectores son perpendiculares', 'Los vectores perpendiculares tienen producto escalar cero.'],
      ['Cuando las dos palabras están una al lado de la otra', 'La posición puede influir a través de los vectores, pero la puntuación solo compara direcciones y longitudes.'],
      ['Solo cuando las dos palabras son idénticas', 'Palabras distintas pueden tener vectores de consulta y clave alineados.'],
    ],
    explanation: 'Q·K mide la semejanza: es grande cuando la consulta y la clave apuntan hacia el mismo lado.',
  },
  'dot-product-calc': {
    prompt: 'Una consulta es [1, 2] y una clave es [3, 1]. ¿Cuál es su puntuación Q·K?',
    options: [
      ['4', 'Eso suma las componentes de los vectores; multiplica por parejas y luego suma.'],
      ['5', 'Correcto: 1·3 + 2·1 = 5.'],
      ['7', 'Revisa las parejas: el 1 va con el 3 y el 2 con el 1.'],
      ['[3, 2]', 'Un producto escalar es un solo número, no un vector.'],
    ],
    explanation: 'Multiplica las componentes que se corresponden y súmalas: 1·3 + 2·1 = 5.',
  },
  'why-scale': {
    prompt: '¿Por qué se dividen las puntuaciones entre √d_k antes del softmax?',
    options: [
      ['Para que el cálculo sea más rápido', 'Cuesta una multiplicación más; la velocidad no es el motivo.'],
      ['Porque los productos escalares crecen con d_k, y las puntuaciones grandes llevan al softmax a poner casi todo el peso en una sola clave', 'Correcto: sin ella, las filas se saturan y los gradientes de las demás claves casi desaparecen.'],
      ['Para que cada fila sume 1', 'El softmax ya hace que las filas sumen 1, con escala o sin ella.'],
      ['Para convertir las puntuaciones en probabilidades', 'Eso lo hace el softmax, no la escala.'],
    ],
    explanation: 'La dispersión del producto escalar de vectores aleatorios de dimensión d_k crece como √d_k; dividir entre ella mantiene las puntuaciones en un rango donde el softmax aún reparte su peso.',
  },
  'scale-number': {
    prompt: 'Cada cabeza de nuestro modelo tiene d_k = 8. ¿Por qué factor se multiplican sus puntuaciones?',
    options: [
      ['1/8', 'Eso divide entre el propio d_k; la fórmula divide entre su raíz cuadrada.'],
      ['1/√8 ≈ 0,354', 'Correcto: el panel de cuentas muestra este factor como × 0,354.'],
      ['√8 ≈ 2,83', 'Eso haría las puntuaciones más grandes, lo contrario de lo que se busca.'],
      ['1, la escala solo se aplica a modelos grandes', 'La fórmula se aplica a cualquier tamaño; el interruptor del widget permite quitarla para comparar.'],
    ],
    explanation: 'softmax(QKᵀ/√d_k): con d_k = 8 el factor es 1/√8 ≈ 0,354.',
  },
  'no-scale-effect': {
    prompt: 'En el widget, desactivas «Dividir entre √d_k». ¿Qué les pasa a las filas de pesos?',
    options: [
      ['Se aplanan: todas las claves reciben más o menos el mismo peso', 'Las puntuaciones más grandes hacen lo contrario.'],
      ['Se vuelven más picudas: la clave principal se lleva todavía más peso', 'Correcto: sin escala las puntuaciones son mayores, y el softmax de números mayores es más concentrado.'],
      ['Las filas dejan de sumar 1', 'El softmax sigue normalizando cada fila.'],
      ['No cambia nada', 'Las puntuaciones cambian, así que los pesos también.'],
    ],
    explanation: 'Entradas más grandes al softmax dan salidas más extremas; esa es la saturación que la escala evita.',
  },
  'softmax-sum': {
    prompt: 'Después del softmax, ¿cuánto suman los pesos de una fila?',
    options: [
      ['Exactamente 1', 'Correcto: el softmax convierte cualquier fila de puntuaciones en una distribución.'],
      ['El número de palabras', 'Eso valdría para una fila de unos, no para pesos de softmax.'],
      ['Depende de las puntuaciones', 'Cada peso depende de las puntuaciones; su suma es siempre 1.'],
      ['Cero', 'Todo peso de softmax es positivo, así que la suma no puede ser cero.'],
    ],
    explanation: 'softmax(x)_j = e^{x_j} / Σ e^{x_i}: pesos positivos que suman 1. La cuadrícula lo muestra como la suma de la fila, 1,00.',
  },
  'softmax-shift': {
    prompt: 'Sumas 100 a cada puntuación de una fila antes del softmax. ¿Qué les pasa a los pesos?',
    options: [
      ['Se quedan igual', 'Correcto: al softmax solo le importan las diferencias entre puntuaciones. Las implementaciones lo aprovechan para restar el máximo de la fila por seguridad numérica.'],
      ['La primera clave se lleva todo el peso', 'Todas las puntuaciones se movieron lo mismo, así que ninguna ganó a las demás.'],
      ['Todos pasan a valer 1', 'Tienen que seguir sumando 1.'],
      ['Se desbordan y se vuelven infinitos', 'Una implementación cuidadosa resta primero el máximo de la fila, así que incluso puntuaciones enormes son seguras.'],
    ],
    explanation: 'e^{x+c} / Σ e^{x_i+c} = e^{x} / Σ e^{x_i}: la constante se cancela.',
  },
  'weights-meaning': {
    prompt: '¿Qué representan los pesos de atención en Attention(Q, K, V) = softmax(QKᵀ/√d_k)·V?',
    options: [
      ['Cuánto aporta el valor de cada palabra a la salida de la palabra que mira', 'Correcto: cada fila es la receta de una consulta para mezclar los valores.'],
      ['El significado de cada palabra', 'Los significados viven en los vectores; los pesos solo dicen cuánto tomar de cada uno.'],
      ['El orden de las palabras en la frase', 'El orden entra a través de la información de posición, no de los pesos.'],
      ['La probabilidad de que una palabra esté mal escrita', 'Nada en la fórmula mira la ortografía.'],
    ],
    explanation: 'Los pesos son cuánta atención presta una consulta a cada clave, y sirven para mezclar los valores.',
  },
  'weighted-sum': {
    prompt: 'Una palabra atiende 0,75 a un valor [4, 0] y 0,25 a un valor [0, 8]. ¿Cuál es su salida?',
    options: [
      ['[4, 8]', 'Eso suma los valores sin ponderarlos.'],
      ['[3, 2]', 'Correcto: 0,75·[4, 0] + 0,25·[0, 8] = [3, 2].'],
      ['[1, 6]', 'Los pesos están cambiados: 0,75 va con [4, 0].'],
      ['[2, 4]', 'Eso es una media simple; los pesos no son iguales.'],
    ],
    explanation: 'La salida es Σ peso × valor: 0,75·[4, 0] + 0,25·[0, 8] = [3, 2].',
  },
  'self-vs-cross': {
    prompt: '¿Qué hace que una atención sea «atención cruzada» y no autoatención?',
    options: [
      ['Las consultas vienen de una secuencia y las claves y los valores de otra', 'Correcto: por ejemplo, las palabras de una traducción mirando la frase original.'],
      ['Usa más cabezas', 'Las dos pueden tener cualquier número de cabezas.'],
      ['Se salta el softmax', 'Las dos usan la misma fórmula.'],
      ['Solo mira la palabra anterior', 'Eso describe una máscara muy estrecha, no la atención cruzada.'],
    ],
    explanation: 'Autoatención: Q, K y V de una misma secuencia. Atención cruzada: Q de una, K y V de otra; la cuadrícula es entonces n_q × n_k.',
  },
  'why-heads': {
    prompt: '¿Por qué los Transformers usan varias cabezas de atención en lugar de una?',
    options: [
      ['Cada cabeza puede aprender un tipo de relación distinto, como pronombre → sustantivo o verbo → sujeto', 'Correcto: varias cabezas miran la frase de varias maneras a la vez.'],
      ['Para que cada fila de pesos sume más de 1', 'Las filas de cada cabeza siguen sumando 1.'],
      ['Porque una cabeza no puede con más de diez palabras', 'Una sola cabeza puede atender a cualquier longitud.'],
      ['Para no tener que calcular el softmax', 'Cada cabeza calcula su propio softmax.'],
    ],
    explanation: 'Cada cabeza tiene sus propias W_Q, W_K y W_V; sus salidas se concatenan y W_O las mezcla.',
  },
  'heads-dimensions': {
    prompt: 'Un modelo tiene d_model = 32 y 4 cabezas. ¿Qué anchura tiene el vector de consulta de cada cabeza?',
    options: [
      ['32', 'Esa es la anchura de todo el modelo; se reparte entre las cabezas.'],
      ['8', 'Correcto: d_k = d_model / h = 32 / 4.'],
      ['128', 'Las cabezas reparten la anchura, no la multiplican.'],
      ['4', 'Ese es el número de cabezas, no su anchura.'],
    ],
    explanation: 'd_k = d_model / h, así que todas las cabezas juntas cuestan más o menos lo mismo que una cabeza de anchura completa.',
  },
  'soft-vs-hard': {
    prompt: '¿Qué diferencia hay entre la atención suave y la atención dura?',
    options: [
      ['La suave mezcla todos los valores con pesos; la dura elige uno', 'Correcto: y como la atención suave es continua, se puede entrenar por descenso de gradiente.'],
      ['La suave es para frases cortas y la dura para largas', 'La diferencia está en cómo se combinan los valores, no en la longitud.'],
      ['La dura tiene más cabezas', 'Las cabezas no tienen que ver con esta distinción.'],
      ['No hay diferencia', 'Una toma una media ponderada; la otra, una sola elección.'],
    ],
    explanation: 'Los Transformers usan atención suave: una media ponderada derivable.',
  },
  'cost-count': {
    prompt: 'La autoatención sobre 1000 tokens calcula una puntuación por cada pareja consulta–clave. ¿Cuántas puntuaciones son, por cabeza?',
    options: [
      ['1000', 'Eso es una por token; cada token puntúa todos los tokens.'],
      ['2000', 'Las parejas se multiplican, no se suman.'],
      ['1 000 000', 'Correcto: 1000 × 1000. El coste crece con N².'],
      ['500 500', 'Eso cuenta cada pareja sin orden una vez; la atención puntúa cada pareja ordenada.'],
    ],
    explanation: 'N consultas × N claves = N² puntuaciones: duplicar la longitud cuadruplica el trabajo.',
  },
  'cost-growth': {
    prompt: 'Una frase duplica su longitud. ¿Cómo cambia, más o menos, el trabajo de calcular las puntuaciones de atención?',
    options: [
      ['Se duplica', 'Eso sería un coste lineal; la atención es cuadrática.'],
      ['Se cuadruplica', 'Correcto: (2N)² = 4N².'],
      ['Se queda igual', 'Más tokens significan más parejas que puntuar.'],
      ['Se multiplica por ocho', 'Eso sería cúbico.'],
    ],
    explanation: 'La matriz de puntuaciones es N × N.',
  },
  'long-range': {
    prompt: 'Frente a una red recurrente, ¿por qué la atención maneja bien las relaciones lejanas (como «it» → «animal» diez palabras atrás)?',
    options: [
      ['Cada palabra puede mirar directamente a cualquier otra, en un solo paso', 'Correcto: el camino entre dos palabras cualesquiera tiene longitud uno.'],
      ['Lee la frase al revés', 'La dirección no es el motivo; lo es el acceso directo.'],
      ['Solo mira la palabra más cercana', 'Eso haría más difíciles las relaciones lejanas, no más fáciles.'],
      ['No tiene parámetros', 'La atención tiene proyecciones aprendidas.'],
    ],
    explanation: 'Ninguna información tiene que pasar de palabra en palabra: la puntuación entre palabras alejadas se calcula directamente.',
  },
  'causal-mask': {
    prompt: 'En un modelo al estilo GPT, la máscara causal está activada. ¿A qué palabras puede atender la 4.ª palabra?',
    options: [
      ['A todas las palabras de la frase', 'Eso es un codificador sin máscara.'],
      ['A las palabras 1 a 4', 'Correcto: a sí misma y a todo lo anterior, nunca a una palabra posterior.'],
      ['Solo a la palabra 5', 'Mirar hacia delante es justo lo que la máscara prohíbe.'],
      ['Solo a la palabra 3', 'Puede mirar todas las palabras anteriores, no solo la previa.'],
    ],
    explanation: 'La máscara causal oculta el futuro para que un modelo que genera texto no pueda ver la respuesta. En la cuadrícula, todo lo que queda por encima de la diagonal es 0.',
  },
  'causal-why': {
    prompt: '¿Qué afirmaciones sobre la máscara causal son ciertas?',
    options: [
      ['Las puntuaciones ocultas pasan a −∞ antes del softmax, así que sus pesos son exactamente 0', 'Sí: e^−∞ = 0.'],
      ['Las filas siguen sumando 1 sobre las palabras que quedan visibles', 'Sí: el softmax normaliza sobre las claves permitidas.'],
      ['Hace falta al generar texto palabra a palabra', 'Sí: si no, el entrenamiento dejaría que una palabra viera las palabras que debe predecir.'],
      ['Hace innecesaria la escala √d_k', 'La máscara y la escala resuelven problemas distintos.'],
    ],
    explanation: 'Primero la máscara, luego el softmax sobre lo que queda: la primera palabra solo se atiende a sí misma.',
  },
  learned: {
    prompt: '¿Quién decide que «it» debe mirar a «animal»?',
    options: [
      ['Un programador escribe una regla para los pronombres', 'No se escribe ninguna regla; los pesos salen del entrenamiento.'],
      ['El modelo lo aprende por descenso de gradiente, porque atender ahí le ayuda a predecir bien', 'Correcto: nuestro pequeño modelo lo descubrió solo mientras aprendía a decir a qué se refiere «it».'],
      ['El softmax lo elige al azar', 'El softmax es determinista; las puntuaciones salen de proyecciones aprendidas.'],
      ['Lo dice el diccionario', 'La atención no consulta ningún diccionario.'],
    ],
    explanation: 'W_Q, W_K y W_V se entrenan; el patrón de atención es consecuencia de lo que ayuda a reducir la pérdida.',
  },
  differentiable: {
    prompt: '¿Por qué se puede entrenar la atención con descenso de gradiente?',
    options: [
      ['Cada paso —productos escalares, escala, softmax, suma ponderada— es derivable', 'Correcto: los gradientes recorren toda la fórmula hasta W_Q, W_K y W_V.'],
      ['Porque usa una elección dura de una palabra', 'Una elección dura no es derivable; la atención suave sí.'],
      ['No se puede; los pesos se fijan a mano', 'Se aprenden.'],
      ['Porque las filas suman 1', 'Normalizar no hace derivable algo por sí solo.'],
    ],
    explanation: 'Operaciones continuas de principio a fin hacen que el patrón de atención se pueda aprender.',
  },
};
