<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../counsel/ui/screens/checklist.py" line="17"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/checklist.py" line="17"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/checklist.py" line="17"/>
        <source>Not sure</source>
        <translation>No sé</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/checklist.py" line="32"/>
        <source>The clinician&apos;s answer for this question</source>
        <translation>La respuesta del profesional de salud a esta pregunta</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/checklist.py" line="66"/>
        <source>Result: answer every question above</source>
        <translation>Resultado: conteste todas las preguntas de arriba</translation>
    </message>
    <message numerus="yes">
        <location filename="../../counsel/ui/screens/checklist.py" line="68"/>
        <source>%n question(s) still to answer.</source>
        <translation>
            <numerusform>Falta %n pregunta por contestar.</numerusform>
            <numerusform>Faltan %n preguntas por contestar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/checklist.py"/>
        <source>Answers to look at more closely:</source>
        <translation>Respuestas para revisar con más cuidado:</translation>
    </message>
</context>
<context>
    <name>ComparisonPage</name>
    <message>
        <location filename="../../counsel/ui/screens/comparison.py" line="26"/>
        <source>Compare %1 with:</source>
        <translation>Comparar %1 con:</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/comparison.py" line="33"/>
        <source>Shows this choice beside %1, point by point</source>
        <translation>Muestra esta opción junto a %1, punto por punto</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="21"/>
        <source>Who is here today</source>
        <translation>Quién está aquí hoy</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="27"/>
        <source>Patient&apos;s full name</source>
        <translation>Nombre completo del paciente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="30"/>
        <source>MM/DD/YYYY</source>
        <translation>MM/DD/AAAA</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="37"/>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="40"/>
        <source>Clinician&apos;s full name</source>
        <translation>Nombre completo del profesional de salud</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="43"/>
        <source>MD, DO, NP, PA-C ...</source>
        <translation>MD, DO, NP, PA-C ...</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="27"/>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="30"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="37"/>
        <source>Record number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="40"/>
        <source>Clinician</source>
        <translation>Profesional de salud</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="43"/>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="52"/>
        <source>A spine level the procedure is planned at</source>
        <translation>Un nivel de la columna donde se planea el procedimiento</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="58"/>
        <source>Planned level(s)</source>
        <translation>Nivel(es) planeado(s)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="92"/>
        <source>Please type a real date of birth, for example 03/14/1948.</source>
        <translation>Por favor, escriba una fecha de nacimiento válida, por ejemplo 03/14/1948.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="1"/>
        <source>Fills in the clinician who last used this computer</source>
        <translation>Completa el profesional que usó esta computadora la última vez</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/details.py" line="1"/>
        <source>Same clinician as last time: %1</source>
        <translation>El mismo profesional que la última vez: %1</translation>
    </message>
</context>
<context>
    <name>DisplayControls</name>
    <message>
        <location filename="../../counsel/ui/display.py" line="52"/>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/display.py" line="54"/>
        <location filename="../../counsel/ui/display.py" line="55"/>
        <source>Smaller text (Ctrl+Minus)</source>
        <translation>Letra más pequeña (Ctrl+Minus)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/display.py" line="56"/>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/display.py" line="58"/>
        <location filename="../../counsel/ui/display.py" line="59"/>
        <source>Larger text (Ctrl+Plus)</source>
        <translation>Letra más grande (Ctrl+Plus)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/display.py" line="62"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/display.py" line="65"/>
        <source>Black text on white with stronger colours</source>
        <translation>Letra negra sobre blanco, con colores más fuertes</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/display.py" line="87"/>
        <source>Text size: %1%</source>
        <translation>Tamaño de letra: %1%</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="1"/>
        <source>Signing did not finish: %1. Nothing was sealed and nothing is lost; go back to Signatures and sign again.</source>
        <translation>La firma no terminó: %1. No se selló nada y no se perdió nada; vuelva a Firmas y firme otra vez.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="27"/>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="30"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="32"/>
        <source>Start a new session</source>
        <translation>Empezar una sesión nueva</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="34"/>
        <source>Save a bilingual copy for the clinic…</source>
        <translation>Guardar una copia bilingüe para la clínica…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="82"/>
        <source>Save take-home copy…</source>
        <translation>Guardar copia para casa…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="84"/>
        <source>Saves a large-print copy in the patient&apos;s language to take home</source>
        <translation>Guarda una copia en letra grande, en el idioma del paciente, para llevar a casa</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="86"/>
        <source>Print take-home copy…</source>
        <translation>Imprimir copia para casa…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="88"/>
        <source>Prints a large-print copy in the patient&apos;s language to take home</source>
        <translation>Imprime una copia en letra grande, en el idioma del paciente, para llevar a casa</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="36"/>
        <source>Try saving the record again</source>
        <translation>Intentar guardar el registro otra vez</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="38"/>
        <source>Go to signatures</source>
        <translation>Ir a las firmas</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="41"/>
        <source>Saves the signed PDF exactly as stored</source>
        <translation>Guarda el PDF firmado tal como se archivó</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="42"/>
        <source>Prints the signed PDF exactly as stored</source>
        <translation>Imprime el PDF firmado tal como se archivó</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="44"/>
        <source>Saves a copy in both languages for the clinic&apos;s file</source>
        <translation>Guarda una copia en los dos idiomas para el archivo de la clínica</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="45"/>
        <source>Starts again with an empty session; this one stays saved</source>
        <translation>Empieza otra vez con una sesión vacía; esta queda guardada</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="46"/>
        <source>Tries again to store the signed record</source>
        <translation>Intenta otra vez guardar el registro firmado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="47"/>
        <source>Goes to the signatures screen</source>
        <translation>Va a la pantalla de firmas</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="72"/>
        <source>Signed and saved. Here is the acknowledgement.</source>
        <translation>Firmado y guardado. Aquí está la constancia.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="75"/>
        <source>Signed, but the record could not be saved: %1</source>
        <translation>Firmado, pero no se pudo guardar el registro: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="80"/>
        <source>Saving what was entered, then signing…</source>
        <translation>Guardando lo que se anotó; después se firma…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="80"/>
        <source>Not signed yet. The acknowledgement appears here after signing.</source>
        <translation>Todavía no se ha firmado. La constancia aparece aquí después de firmar.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="1"/>
        <source>Signed. Saving the signed record…</source>
        <translation>Firmado. Guardando el registro firmado…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="1"/>
        <source>Signing waits for the clinic server, which cannot be reached. Nothing was sealed and nothing is lost. Press Retry signing once the server answers.</source>
        <translation>La firma espera al servidor de la clínica, con el que no se puede conectar. No se selló nada y no se perdió nada. Pulse Reintentar la firma cuando el servidor responda.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/done.py" line="1"/>
        <source>Retry signing</source>
        <translation>Reintentar la firma</translation>
    </message>
</context>
<context>
    <name>GapText</name>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="11"/>
        <source>patient</source>
        <translation>paciente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="12"/>
        <source>representative</source>
        <translation>representante</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="13"/>
        <source>clinician</source>
        <translation>profesional de salud</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="14"/>
        <source>interpreter</source>
        <translation>intérprete</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="15"/>
        <source>witness</source>
        <translation>testigo</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="20"/>
        <source>Type the patient&apos;s name.</source>
        <translation>Escriba el nombre del paciente.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="21"/>
        <source>Type the patient&apos;s date of birth.</source>
        <translation>Escriba la fecha de nacimiento del paciente.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="22"/>
        <source>Type the clinician&apos;s name.</source>
        <translation>Escriba el nombre del profesional de salud.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="23"/>
        <source>Type the clinician&apos;s credentials.</source>
        <translation>Escriba el título del profesional de salud.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="24"/>
        <source>Choose the planned spine level(s).</source>
        <translation>Elija el nivel o los niveles de la columna planeados.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="25"/>
        <source>Mark “%1” as discussed.</source>
        <translation>Marque «%1» como tratado.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="26"/>
        <location filename="../../counsel/ui/gap_text.py" line="27"/>
        <source>Answer every question in “%1”.</source>
        <translation>Conteste todas las preguntas de «%1».</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="28"/>
        <source>Review the questions in “%1” until each answer is right.</source>
        <translation>Repase las preguntas de «%1» hasta que cada respuesta sea correcta.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="31"/>
        <source>Write down the answer to every question in “%1”.</source>
        <translation>Anote la respuesta a cada pregunta de «%1».</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="31"/>
        <source>The %2 needs to sign.</source>
        <translation>Falta la firma del %2.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="32"/>
        <source>The %2&apos;s signature is too small: please sign again.</source>
        <translation>La firma del %2 es demasiado pequeña: por favor, firme otra vez.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="35"/>
        <source>Type the %2&apos;s name.</source>
        <translation>Escriba el nombre del %2.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/gap_text.py" line="36"/>
        <source>Type the representative&apos;s relationship to the patient.</source>
        <translation>Escriba la relación del representante con el paciente.</translation>
    </message>
</context>
<context>
    <name>IconArrayView</name>
    <message>
        <location filename="../../counsel/ui/icon_array_view.py" line="30"/>
        <source>A picture of 100 people. %1 of them are coloured in.</source>
        <translation>Un dibujo de 100 personas. %1 de ellas están coloreadas.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../counsel/ui/main_window.py" line="186"/>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/main_window.py" line="187"/>
        <source>&amp;New session</source>
        <translation>Sesión &amp;nueva</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/main_window.py" line="189"/>
        <source>&amp;Records…</source>
        <translation>&amp;Registros…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/main_window.py" line="191"/>
        <source>&amp;Presentation mode (Ctrl+Shift+P to return)</source>
        <translation>Modo de &amp;presentación (Ctrl+Shift+P para volver)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/main_window.py" line="194"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/workstation_memory.py" line="1"/>
        <source>This session is not signed yet. It is saved: Counsel offers to go on with it next time it starts.

Quit now?</source>
        <translation>Esta sesión todavía no está firmada. Está guardada: Counsel ofrecerá continuarla la próxima vez que se abra.

¿Salir ahora?</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/workstation_memory.py" line="1"/>
        <source>This session is not signed yet, and its latest changes could not be saved. Quitting now loses them.

Quit anyway?</source>
        <translation>Esta sesión todavía no está firmada y sus últimos cambios no se pudieron guardar. Si sale ahora, se perderán.

¿Salir de todos modos?</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/workstation_memory.py" line="1"/>
        <source>Quit Counsel?</source>
        <translation>¿Salir de Counsel?</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/workstation_memory.py" line="1"/>
        <source>&amp;Keep working</source>
        <translation>Seguir &amp;trabajando</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/main_window.py" line="1"/>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/main_window.py" line="1"/>
        <source>The records are on the clinic server (%1), which cannot be reached. Try again once it answers.</source>
        <translation>Los registros están en el servidor de la clínica (%1), con el que no se puede conectar. Vuelva a intentarlo cuando responda.</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <location filename="../../counsel/ui/screens/outcomes.py" line="29"/>
        <source>How likely:</source>
        <translation>Qué tan probable:</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/outcomes.py" line="32"/>
        <source>Compared with:</source>
        <translation>Comparado con:</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/outcomes.py" line="34"/>
        <source>What is done about it:</source>
        <translation>Qué se hace al respecto:</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../counsel/ui/pdf_preview.py" line="22"/>
        <source>Preview of the signed acknowledgement</source>
        <translation>Vista previa de la constancia firmada</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="26"/>
        <source>Questions other patients often ask:</source>
        <translation>Preguntas que otros pacientes hacen con frecuencia:</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="29"/>
        <source>Puts this question in the box below</source>
        <translation>Pone esta pregunta en el cuadro de abajo</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="36"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="37"/>
        <source>What the patient asked</source>
        <translation>Lo que preguntó el paciente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="39"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="40"/>
        <source>The clinician&apos;s answer</source>
        <translation>La respuesta del profesional de salud</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="45"/>
        <location filename="../../counsel/ui/screens/questions.py" line="91"/>
        <source>Add question</source>
        <translation>Agregar pregunta</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="48"/>
        <source>Keeps the question and its answer in the record</source>
        <translation>Guarda la pregunta y su respuesta en el registro</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="99"/>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="111"/>
        <source>No questions recorded yet.</source>
        <translation>Todavía no hay preguntas anotadas.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="115"/>
        <source>Q: %1</source>
        <translation>P: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="117"/>
        <source>A: %1</source>
        <translation>R: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="117"/>
        <source>(no answer yet)</source>
        <translation>(todavía sin respuesta)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="121"/>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="122"/>
        <source>Puts this question back in the boxes above to change it</source>
        <translation>Vuelve a poner esta pregunta en los cuadros de arriba para cambiarla</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="124"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/questions.py" line="126"/>
        <source>Takes this question out of the record</source>
        <translation>Quita esta pregunta del registro</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="35"/>
        <source>Chooses this answer</source>
        <translation>Elige esta respuesta</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="40"/>
        <source>Check my answer</source>
        <translation>Revisar mi respuesta</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="42"/>
        <source>Says whether the chosen answer is right, and why</source>
        <translation>Dice si la respuesta elegida es correcta, y por qué</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="52"/>
        <source>Goes back to the screen that explains this</source>
        <translation>Vuelve a la pantalla que explica esto</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="58"/>
        <source>◀  Previous question</source>
        <translation>◀  Pregunta anterior</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="58"/>
        <source>Next question  ▶</source>
        <translation>Pregunta siguiente  ▶</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="61"/>
        <source>Shows the question before this one</source>
        <translation>Muestra la pregunta anterior</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="62"/>
        <source>Shows the next question</source>
        <translation>Muestra la pregunta siguiente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="79"/>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="95"/>
        <source>Please choose an answer first.</source>
        <translation>Por favor, escoja una respuesta primero.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="115"/>
        <source>✓  That&apos;s right.</source>
        <translation>✓  Correcto.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="118"/>
        <source>Not quite. Let&apos;s look at this again.</source>
        <translation>No exactamente. Vamos a repasar esto otra vez.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="123"/>
        <source>Go back to: %1</source>
        <translation>Volver a: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/quiz.py" line="127"/>
        <source>%1 of %2 answered correctly</source>
        <translation>%1 de %2 respuestas correctas</translation>
    </message>
</context>
<context>
    <name>ReadAloudControls</name>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="163"/>
        <source>Read this screen aloud (Ctrl+Shift+R)</source>
        <translation>Leer esta pantalla en voz alta (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="164"/>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="167"/>
        <source>Stop reading aloud</source>
        <translation>Deja de leer en voz alta</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="178"/>
        <location filename="../../counsel/ui/read_aloud.py" line="191"/>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="191"/>
        <source>Pause reading</source>
        <translation>Pausar la lectura</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="192"/>
        <source>Go on reading</source>
        <translation>Seguir leyendo</translation>
    </message>
</context>
<context>
    <name>RecordViewer</name>
    <message>
        <location filename="../../counsel/ui/record_viewer.py" line="30"/>
        <source>Signed record: %1</source>
        <translation>Registro firmado: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/record_viewer.py" line="33"/>
        <source>Signed record (read-only). Reprints are identical to the PDF that was signed.</source>
        <translation>Registro firmado (solo lectura). Las copias que se vuelven a imprimir son idénticas al PDF que se firmó.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/record_viewer.py" line="36"/>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/record_viewer.py" line="36"/>
        <source>Correction</source>
        <translation>Corrección</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/record_viewer.py" line="44"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/record_viewer.py" line="45"/>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/record_viewer.py"/>
        <source>This copy could not be noted in the audit trail: %1</source>
        <translation>No se pudo anotar esta copia en el registro de auditoría: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/record_viewer.py"/>
        <source>the records server cannot be reached.</source>
        <translation>no se puede conectar con el servidor de registros.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/record_viewer.py" line="46"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>RecordsWindow</name>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="44"/>
        <source>Any date</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="45"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="46"/>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="47"/>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="48"/>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="62"/>
        <source>Signed records</source>
        <translation>Registros firmados</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="71"/>
        <source>Search by name or record number</source>
        <translation>Buscar por nombre o número de expediente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="72"/>
        <source>Search records</source>
        <translation>Buscar registros</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="76"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="104"/>
        <location filename="../../counsel/ui/records_window.py" line="162"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="105"/>
        <source>Export audit trail…</source>
        <translation>Exportar registro de auditoría…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="106"/>
        <source>Record withdrawal…</source>
        <translation>Registrar retiro…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="107"/>
        <location filename="../../counsel/ui/records_window.py" line="207"/>
        <source>Delete draft</source>
        <translation>Eliminar borrador</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="162"/>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="183"/>
        <source>Export audit trail</source>
        <translation>Exportar registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="184"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="194"/>
        <source>Record a withdrawal</source>
        <translation>Registrar un retiro</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="195"/>
        <source>Why, and who said so? The signed record stays unchanged; this is added to it as a new, linked record.</source>
        <translation>¿Por qué, y quién lo comunicó? El registro firmado no cambia; esto se le agrega como un registro nuevo y vinculado.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="208"/>
        <source>Delete this unfinished session and everything entered in it? This cannot be undone.</source>
        <translation>¿Eliminar esta sesión sin terminar y todo lo que se anotó en ella? Esto no se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="219"/>
        <source>Records verified</source>
        <translation>Registros verificados</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="226"/>
        <source>Records do not match</source>
        <translation>Los registros no coinciden</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>No records match this search.</source>
        <translation>Ningún registro coincide con esta búsqueda.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message numerus="yes">
        <location filename="../../counsel/ui/records_window.py"/>
        <source>More than %Ln record(s)</source>
        <translation>
            <numerusform>Más de %Ln registro</numerusform>
            <numerusform>Más de %Ln registros</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>The records server cannot be reached. Search again to try again.</source>
        <translation>No se puede conectar con el servidor de registros. Busque de nuevo para volver a intentarlo.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>The records could not be read: %1</source>
        <translation>No se pudieron leer los registros: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>The withdrawal could not be recorded: %1</source>
        <translation>No se pudo registrar el retiro: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>The draft could not be deleted: %1</source>
        <translation>No se pudo borrar el borrador: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>The record could not be opened: %1</source>
        <translation>No se pudo abrir el registro: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>the records server cannot be reached. Nothing was changed.</source>
        <translation>no se puede conectar con el servidor de registros. No se cambió nada.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../counsel/ui/records_window.py"/>
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln registro</numerusform>
            <numerusform>%Ln registros</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>No signed records were added since the last check. Audit entries checked: %1, all intact.</source>
        <translation>No se agregaron registros firmados desde la última revisión. Entradas de auditoría revisadas: %1, todas intactas.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>All %1 signed records and %2 audit entries checked are intact.</source>
        <translation>Los %1 registros firmados y las %2 entradas de auditoría revisadas están intactos.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Signed with the clinic key %1: %2 records.</source>
        <translation>Firmados con la clave de la clínica %1: %2 registros.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>No clinic key on this computer, so this check is not remembered: the next routine check starts from the last checkpoint the clinic key signed.</source>
        <translation>Esta computadora no tiene la clave de la clínica, así que esta verificación no se guarda: la próxima verificación de rutina empieza desde el último punto de control que firmó la clave de la clínica.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Verify new</source>
        <translation>Verificar nuevos</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Verify all</source>
        <translation>Verificar todos</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Check the records and audit entries added since the last check</source>
        <translation>Revisar los registros y las entradas de auditoría agregados desde la última revisión</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Check every signed record and the whole audit trail</source>
        <translation>Revisar cada registro firmado y todo el registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Full validation</source>
        <translation>Validación completa</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py"/>
        <source>Check every signed record and the whole audit trail, and validate each PDF&apos;s signature in full with its certificate and time stamp (slower)</source>
        <translation>Revisar cada registro firmado y todo el registro de auditoría, y validar por completo la firma de cada PDF con su certificado y su sello de tiempo (más lento)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_window.py" line="1"/>
        <source>The audit trail could not be saved as %1: %2</source>
        <translation>No se pudo guardar el registro de auditoría como %1: %2</translation>
    </message>
</context>
<context>
    <name>ScreenPage</name>
    <message>
        <location filename="../../counsel/ui/screens/base.py" line="184"/>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/base.py" line="186"/>
        <source>%1 (paid for by the device maker)</source>
        <translation>%1 (pagado por el fabricante del dispositivo)</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="50"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="52"/>
        <source>The language of the screens, of reading aloud and of the PDF</source>
        <translation>El idioma de las pantallas, de la lectura en voz alta y del PDF</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="67"/>
        <source>Screens</source>
        <translation>Pantallas</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="68"/>
        <source>Every topic, in order, and whether it was discussed; choose one to go there</source>
        <translation>Todos los temas, en orden, y si ya se trataron; elija uno para ir ahí</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="107"/>
        <source>discussed</source>
        <translation>tratado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="108"/>
        <source>discussed, but something is missing</source>
        <translation>tratado, pero falta algo</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="109"/>
        <source>seen</source>
        <translation>visto</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="110"/>
        <source>not seen yet</source>
        <translation>todavía sin ver</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/sidebar.py" line="125"/>
        <source>%1 of %2 topics discussed</source>
        <translation>%1 de %2 temas tratados</translation>
    </message>
</context>
<context>
    <name>SignatureField</name>
    <message>
        <location filename="../../counsel/ui/signature_field.py" line="1"/>
        <source>That is more ink than a signature needs, so the last line was not kept. Press Clear and sign again.</source>
        <translation>Eso es más tinta de la que necesita una firma, así que la última línea no se guardó. Pulse Borrar y firme otra vez.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/signature_field.py" line="24"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/signature_field.py" line="26"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/signature_field.py" line="28"/>
        <source>Removes the last line drawn (Ctrl+Z)</source>
        <translation>Quita la última línea dibujada (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/signature_field.py" line="29"/>
        <source>Removes the whole signature to start again</source>
        <translation>Borra toda la firma para empezar de nuevo</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/signature_field.py" line="74"/>
        <source>Please sign your name in the box above.</source>
        <translation>Por favor, firme con su nombre en el cuadro de arriba.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/signature_field.py" line="76"/>
        <source>Please sign your name — a dot or a tick is too small.</source>
        <translation>Por favor, firme con su nombre — un punto o una rayita es muy poco.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../counsel/ui/signature_pad.py" line="118"/>
        <source>Signature pad</source>
        <translation>Área para firmar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/signature_pad.py" line="120"/>
        <source>Draw your signature here with a mouse, a pen or your finger.</source>
        <translation>Haga su firma aquí con el mouse, con un lápiz o con el dedo.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/signature_pad.py" line="403"/>
        <source>Sign here</source>
        <translation>Firme aquí</translation>
    </message>
</context>
<context>
    <name>SignaturesPage</name>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="85"/>
        <source>Before anyone signs, please finish:</source>
        <translation>Antes de que alguien firme, por favor termine:</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="89"/>
        <source>The patient signs</source>
        <translation>Firma el paciente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="92"/>
        <source>A legally authorized representative signs for the patient</source>
        <translation>Firma un representante legal autorizado en nombre del paciente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="101"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="103"/>
        <source>Legally authorized representative</source>
        <translation>Representante legal autorizado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="106"/>
        <source>Clinician</source>
        <translation>Profesional de salud</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="109"/>
        <source>Interpreter</source>
        <translation>Intérprete</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="111"/>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="114"/>
        <source>An interpreter helped today</source>
        <translation>Hoy ayudó un intérprete</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="116"/>
        <source>A witness is present</source>
        <translation>Hay un testigo presente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="127"/>
        <source>Sign and finish</source>
        <translation>Firmar y terminar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="131"/>
        <source>Checks the signatures, then locks the record: nothing signed can change afterwards</source>
        <translation>Revisa las firmas y luego protege el registro: nada de lo firmado puede cambiar después</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="146"/>
        <source>Shows or hides the place for this signature</source>
        <translation>Muestra u oculta el lugar para esta firma</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="1"/>
        <source>Sign and seal the record?</source>
        <translation>¿Firmar y sellar el registro?</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="1"/>
        <source>Signing now:
%1

The record will then be sealed: nothing in it can be changed afterwards.</source>
        <translation>Firman ahora:
%1

Después el registro quedará sellado: no se podrá cambiar nada.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="1"/>
        <source>Sign and seal</source>
        <translation>Firmar y sellar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="1"/>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
</context>
<context>
    <name>SignerBlock</name>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="48"/>
        <source>Typed name of the %1</source>
        <translation>Nombre escrito: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="49"/>
        <source>The signer&apos;s full name, as it should appear on the record</source>
        <translation>El nombre completo de quien firma, como debe aparecer en el registro</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="50"/>
        <source>Typed name</source>
        <translation>Nombre escrito</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="53"/>
        <source>For example: daughter, legal guardian</source>
        <translation>Por ejemplo: hija, tutor legal</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/signatures.py" line="54"/>
        <location filename="../../counsel/ui/screens/signatures.py" line="57"/>
        <source>Relationship to the patient</source>
        <translation>Relación con el paciente</translation>
    </message>
</context>
<context>
    <name>StepPlayer</name>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="147"/>
        <source>Pictures of the steps</source>
        <translation>Dibujos de los pasos</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="161"/>
        <source>↺  Replay</source>
        <translation>↺  Ver otra vez</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="163"/>
        <source>Replay from step 1</source>
        <translation>Ver otra vez desde el paso 1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="167"/>
        <source>Shows the steps one after another, like a film</source>
        <translation>Muestra los pasos uno tras otro, como una película</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="168"/>
        <source>Starts the pictures again from the first step</source>
        <translation>Empieza los dibujos otra vez desde el primer paso</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="264"/>
        <source>❚❚  Pause</source>
        <translation>❚❚  Pausa</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="264"/>
        <source>▶  Play</source>
        <translation>▶  Reproducir</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="266"/>
        <source>Pause the steps</source>
        <translation>Pausar los pasos</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/step_player.py" line="266"/>
        <source>Play the steps one by one</source>
        <translation>Mostrar los pasos uno por uno</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <location filename="../../counsel/ui/screens/steps.py" line="42"/>
        <source>◀  Previous step</source>
        <translation>◀  Paso anterior</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/steps.py" line="42"/>
        <source>Next step  ▶</source>
        <translation>Paso siguiente  ▶</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/steps.py" line="44"/>
        <source>Shows the step before this one</source>
        <translation>Muestra el paso anterior</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/steps.py" line="45"/>
        <source>Shows the next step of the procedure</source>
        <translation>Muestra el siguiente paso del procedimiento</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/steps.py" line="60"/>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../counsel/ui/resume.py" line="24"/>
        <source>a patient whose name was not entered yet</source>
        <translation>un paciente cuyo nombre todavía no se anotó</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/resume.py" line="25"/>
        <source>An unfinished session was found: %1, started %2.

Go on with it?</source>
        <translation>Se encontró una sesión sin terminar: %1, empezada el %2.

¿Quiere continuar con ella?</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/resume.py" line="30"/>
        <source>Note: the wording of the screens has changed since it was started. Please go over the screens again before signing.</source>
        <translation>Nota: el texto de las pantallas cambió desde que se empezó esta sesión. Por favor, repase las pantallas otra vez antes de firmar.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/resume.py"/>
        <source>Session could not be resumed</source>
        <translation>No se pudo continuar la sesión</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/resume.py"/>
        <source>The unfinished session of %1 could not be read back, so it has been set aside and will not be offered again. It stays in the records list, where it can be deleted.</source>
        <translation>No se pudo leer la sesión sin terminar de %1, así que se apartó y no se ofrecerá de nuevo. Sigue en la lista de registros, donde se puede borrar.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/resume.py" line="33"/>
        <source>Resume session?</source>
        <translation>¿Continuar la sesión?</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/resume.py" line="35"/>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/resume.py" line="36"/>
        <source>Start a new session</source>
        <translation>Empezar una sesión nueva</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <location filename="../../counsel/ui/screens/values.py"/>
        <source>Which choices fit what matters most to you</source>
        <translation>Qué opciones van con lo que más le importa</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/values.py"/>
        <source>Each choice, with the things you rated in the top two steps that it fits.</source>
        <translation>Cada opción, con las cosas que usted calificó en los dos niveles más altos y que van con ella.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/values.py"/>
        <source>none of them</source>
        <translation>ninguna de ellas</translation>
    </message>
</context>
<context>
    <name>SurePage</name>
    <message>
        <location filename="../../counsel/ui/screens/sure.py"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/sure.py"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message numerus="yes">
        <location filename="../../counsel/ui/screens/sure.py"/>
        <source>For the clinician: %n question(s) still to answer.</source>
        <translation>
            <numerusform>Para el clínico: falta %n pregunta por contestar.</numerusform>
            <numerusform>Para el clínico: faltan %n preguntas por contestar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/sure.py"/>
        <source>For the clinician: %1 of %2 answered yes.</source>
        <translation>Para el clínico: %1 de %2 contestadas con sí.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/sure.py"/>
        <source>No to: %1</source>
        <translation>No a: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/sure.py"/>
        <source>Go to: %1</source>
        <translation>Ir a: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/screens/sure.py"/>
        <source>Goes back to the screen to talk about this again</source>
        <translation>Vuelve a la pantalla para hablar de esto otra vez</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>Date of birth</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>Record number</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/records_model.py"/>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
</context>
<context>
    <name>StoreUpgrade</name>
    <message>
        <location filename="../../counsel/ui/store_upgrade.py"/>
        <source>Upgrading the records</source>
        <translation>Actualizando los registros</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/store_upgrade.py"/>
        <source>This version of Counsel keeps the records in a faster form. Converting them happens once and can take a minute for years of records. Please wait.</source>
        <translation>Esta versión de Counsel guarda los registros de una forma más rápida. El cambio se hace una sola vez y puede tardar un minuto si hay años de registros. Espere, por favor.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/store_upgrade.py"/>
        <source>Progress of the upgrade</source>
        <translation>Avance de la actualización</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/store_upgrade.py"/>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/store_upgrade.py"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/store_upgrade.py"/>
        <source>The records could not be upgraded; they are unchanged. %1</source>
        <translation>No se pudieron actualizar los registros; quedaron como estaban. %1</translation>
    </message>
</context>
<context>
    <name>VerifyProgress</name>
    <message>
        <location filename="../../counsel/ui/verify_progress.py"/>
        <source>Verifying records</source>
        <translation>Verificando registros</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/verify_progress.py"/>
        <source>Checking every signed record and audit entry…</source>
        <translation>Revisando cada registro firmado y cada entrada de auditoría…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/verify_progress.py"/>
        <source>Checking every signed record and audit entry, and each PDF in full…</source>
        <translation>Revisando cada registro firmado y cada entrada de auditoría, y cada PDF por completo…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/verify_progress.py"/>
        <source>Checking what was added since the last check…</source>
        <translation>Revisando lo agregado desde la última revisión…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/verify_progress.py"/>
        <source>Progress of the check</source>
        <translation>Avance de la revisión</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/verify_progress.py"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>◀  Back</source>
        <translation>◀  Atrás</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>Previous screen (Alt+Left)</source>
        <translation>Pantalla anterior (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>We discussed this</source>
        <translation>Ya hablamos de esto</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>Mark this topic as discussed (Ctrl+D)</source>
        <translation>Marcar este tema como tratado (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>Next  ▶</source>
        <translation>Siguiente  ▶</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>Next screen (Alt+Right)</source>
        <translation>Pantalla siguiente (Alt+Right)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>✓  Discussed</source>
        <translation>✓  Tratado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>Back to: %1</source>
        <translation>Volver a: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/nav_bar.py" line="1"/>
        <source>Goes back to the screen you came from</source>
        <translation>Vuelve a la pantalla de la que vino</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>Printing was cancelled.</source>
        <translation>Se canceló la impresión.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>The PDF was not saved: %1</source>
        <translation>El PDF no se guardó: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>Saved %1 to %2.</source>
        <translation>Se guardaron %1 en %2.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>Sending %1 to %2…</source>
        <translation>Enviando %1 a %2…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>The printer did not accept the job: %1</source>
        <translation>La impresora no aceptó el trabajo: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>Printing %1 on %2…</source>
        <translation>Imprimiendo %1 en %2…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>Printed %1 on %2.</source>
        <translation>Se imprimieron %1 en %2.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>Printing page %1 of %2…</source>
        <translation>Imprimiendo la página %1 de %2…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>There is no printer called %1 on this computer, and CUPS&apos;s lp command is not installed. Use Save PDF and print the file from a computer with a printer, or ask for the printer to be set up.</source>
        <translation>No hay ninguna impresora llamada %1 en esta computadora, y el comando lp de CUPS no está instalado. Use Guardar PDF e imprima el archivo desde una computadora con impresora, o pida que configuren la impresora.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/printing.py" line="1"/>
        <source>Printed %1 on %2, as pictures of the pages. For sharper, faster printing, install CUPS&apos;s lp command (the cups-client package).</source>
        <translation>Se imprimieron %1 en %2, como imágenes de las páginas. Para imprimir más nítido y más rápido, instale el comando lp de CUPS (el paquete cups-client).</translation>
    </message>
</context>
<context>
    <name>PrintProgress</name>
    <message>
        <location filename="../../counsel/ui/print_progress.py" line="1"/>
        <source>Printing</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/print_progress.py" line="1"/>
        <source>Preparing to print…</source>
        <translation>Preparando la impresión…</translation>
    </message>
</context>
<context>
    <name>FailureBanner</name>
    <message>
        <location filename="../../counsel/ui/failure_banner.py" line="1"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/failure_banner.py" line="1"/>
        <source>Tries again to save the record</source>
        <translation>Intenta de nuevo guardar el registro</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/failure_banner.py" line="1"/>
        <source>The signed record could not be saved: %1. Free some space or check the records folder, then press Retry.</source>
        <translation>No se pudo guardar el registro firmado: %1. Libere espacio o revise la carpeta de registros y luego pulse Reintentar.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/failure_banner.py" line="1"/>
        <source>Changes are not being saved: %1. Nothing on screen is lost while Counsel stays open. Free some space or check the records folder, then press Retry.</source>
        <translation>Los cambios no se están guardando: %1. No se pierde nada de lo que está en pantalla mientras Counsel siga abierto. Libere espacio o revise la carpeta de registros y luego pulse Reintentar.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/failure_banner.py" line="1"/>
        <source>The clinic server (%1) cannot be reached. Keep going: everything entered is kept on this computer and stored on the server as soon as it answers. Counsel tries again by itself, or press Retry.</source>
        <translation>No se puede conectar con el servidor de la clínica (%1). Puede seguir: todo lo que se anote se guarda en esta computadora y pasa al servidor en cuanto responda. Counsel lo intenta de nuevo solo, o pulse Reintentar.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/failure_banner.py" line="1"/>
        <source>The clinic server (%1) answers again: everything entered is stored there.</source>
        <translation>El servidor de la clínica (%1) responde de nuevo: todo lo anotado está guardado allí.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/failure_banner.py" line="1"/>
        <source>So is one other session that was kept on this computer.</source>
        <translation>También está allí otra sesión que se guardó en esta computadora.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/failure_banner.py" line="1"/>
        <source>So are %2 other sessions that were kept on this computer.</source>
        <translation>También están allí otras %2 sesiones que se guardaron en esta computadora.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="1"/>
        <source>Read-aloud needs a speech engine on this computer. On Debian or Ubuntu, install one with:

sudo apt-get install speech-dispatcher espeak-ng

then start Counsel again.</source>
        <translation>Para leer en voz alta, esta computadora necesita un programa de voz. En Debian o Ubuntu, instálelo con:

sudo apt-get install speech-dispatcher espeak-ng

y vuelva a abrir Counsel.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="1"/>
        <source>The speech engine has no voice for %1. Install a voice for it (on Debian or Ubuntu, espeak-ng speaks %1), then start Counsel again.</source>
        <translation>El motor de voz no tiene una voz para %1. Instale una voz (en Debian o Ubuntu, espeak-ng habla %1) y vuelva a abrir Counsel.</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/read_aloud.py" line="1"/>
        <source>No sound output was found: no speakers or headphones are connected, or the computer&apos;s sound service is not running. Connect speakers or headphones, check the sound settings, then try again.</source>
        <translation>No se encontró una salida de sonido: no hay altavoces ni audífonos conectados, o el servicio de sonido de la computadora no está funcionando. Conecte altavoces o audífonos, revise la configuración de sonido y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <location filename="../../counsel/ui/saving.py"/>
        <source>Replace the file?</source>
        <translation>¿Reemplazar el archivo?</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/saving.py"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/saving.py" line="1"/>
        <source>Save the acknowledgement</source>
        <translation>Guardar la constancia</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/saving.py" line="1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/saving.py" line="1"/>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/saving.py" line="1"/>
        <source>The PDF was not saved: %1</source>
        <translation>El PDF no se guardó: %1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/saving.py" line="1"/>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/saving.py" line="1"/>
        <source>The acknowledgement was saved as:
%1</source>
        <translation>La constancia se guardó como:
%1</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/saving.py" line="1"/>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <location filename="../../counsel/ui/length_counter.py" line="1"/>
        <source>%1 of %2 characters: no more fit here</source>
        <translation>%1 de %2 caracteres: no caben más aquí</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/length_counter.py" line="1"/>
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
</context>
<context>
    <name>StorePlace</name>
    <message>
        <location filename="../../counsel/ui/store_place.py" line="1"/>
        <source>Records are kept on the clinic server (%1)</source>
        <translation>Los registros se guardan en el servidor de la clínica (%1)</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/store_place.py" line="1"/>
        <source>Records are kept on this computer</source>
        <translation>Los registros se guardan en esta computadora</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <location filename="../../counsel/ui/save_indicator.py" line="1"/>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/save_indicator.py" line="1"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/save_indicator.py" line="1"/>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
</context>
<context>
    <name>SaveStatus</name>
    <message>
        <location filename="../../counsel/ui/save_status.py" line="1"/>
        <source>Saving the session…</source>
        <translation>Guardando la sesión…</translation>
    </message>
    <message>
        <location filename="../../counsel/ui/save_status.py" line="1"/>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
</context>
</TS>
