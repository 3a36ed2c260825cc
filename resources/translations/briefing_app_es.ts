<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Briefing Builder</source>
        <translation>Acerca de Briefing Builder</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Keep a fact base of facts, quotes, events, people and sources, and compose briefing memos from it, exported to Word and PDF.</source>
        <translation>Mantenga una base de hechos con hechos, citas, eventos, personas y fuentes, y redacte a partir de ella notas informativas que se exportan a Word y PDF.</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versiones</translation>
    </message>
    <message>
        <source>&amp;Libraries</source>
        <translation>&amp;Bibliotecas</translation>
    </message>
    <message>
        <source>&amp;Font Licence</source>
        <translation>&amp;Licencia de la fuente</translation>
    </message>
    <message>
        <source>&amp;Copy Version Info</source>
        <translation>&amp;Copiar datos de versión</translation>
    </message>
    <message>
        <source>Copy the versions for a bug report</source>
        <translation>Copiar las versiones para un informe de error</translation>
    </message>
    <message>
        <source>%1 is free software under the %2 licence.</source>
        <translation>%1 es software libre bajo la licencia %2.</translation>
    </message>
    <message>
        <source>Memos are set in %1 (%2), shipped with the app.</source>
        <translation>Los memorandos se componen en %1 (%2), incluida con la aplicación.</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the %1 licence.</source>
        <translation>Qt y PySide6 se usan bajo la licencia %1.</translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation>Bibliotecas y sus licencias</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>Licencia de la fuente</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copiado.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Fact Base…</source>
        <translation>&amp;Nueva base de hechos…</translation>
    </message>
    <message>
        <source>Create a new fact base, empty or with the sample</source>
        <translation>Crear una base de hechos nueva, vacía o con el ejemplo</translation>
    </message>
    <message>
        <source>&amp;Open Fact Base…</source>
        <translation>&amp;Abrir base de hechos…</translation>
    </message>
    <message>
        <source>Open another fact base file</source>
        <translation>Abrir otro archivo de base de hechos</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Import a fact pack (JSON) or a CSV file of items</source>
        <translation>Importar un paquete de hechos (JSON) o un archivo CSV de elementos</translation>
    </message>
    <message>
        <source>Export &amp;Whole Fact Base…</source>
        <translation>Exportar &amp;toda la base de hechos…</translation>
    </message>
    <message>
        <source>Export every item, person, source and briefing as a fact pack</source>
        <translation>Exportar todos los elementos, personas, fuentes y notas informativas como paquete de hechos</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export &amp;Selected Items…</source>
        <translation>Exportar elementos s&amp;eleccionados…</translation>
    </message>
    <message>
        <source>Export the selected items (with their people and sources) as a fact pack</source>
        <translation>Exportar los elementos seleccionados (con sus personas y fuentes) como paquete de hechos</translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>Copia de seg&amp;uridad…</translation>
    </message>
    <message>
        <source>Save a consistent copy of the fact base to another file</source>
        <translation>Guardar una copia coherente de la base de hechos en otro archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Cerrar la ventana</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Deshacer el último cambio</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Redo the undone change</source>
        <translation>Rehacer el cambio deshecho</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Go to the search box</source>
        <translation>Ir al cuadro de búsqueda</translation>
    </message>
    <message>
        <source>&amp;Clear Search and Filter</source>
        <translation>Li&amp;mpiar búsqueda y filtro</translation>
    </message>
    <message>
        <source>Show every item again</source>
        <translation>Mostrar de nuevo todos los elementos</translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation>&amp;Guardar búsqueda…</translation>
    </message>
    <message>
        <source>Keep the current search and filter in the sidebar</source>
        <translation>Guardar la búsqueda y el filtro actuales en la barra lateral</translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation>Copiar el I&amp;D</translation>
    </message>
    <message>
        <source>Copy the selected items&apos; ids (for the command line&apos;s export --item)</source>
        <translation>Copiar los ids de los elementos seleccionados (para export --item de la línea de órdenes)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Read the fact base again</source>
        <translation>Volver a leer la base de hechos</translation>
    </message>
    <message>
        <source>Show S&amp;idebar</source>
        <translation>Mostrar barra &amp;lateral</translation>
    </message>
    <message>
        <source>Show or hide the sidebar of kinds, tags, people and sources</source>
        <translation>Mostrar u ocultar la barra lateral de tipos, etiquetas, personas y fuentes</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>Mostrar &amp;detalles</translation>
    </message>
    <message>
        <source>Show or hide the item details pane</source>
        <translation>Mostrar u ocultar el panel de detalles del elemento</translation>
    </message>
    <message>
        <source>Go to Side&amp;bar</source>
        <translation>Ir a la &amp;barra lateral</translation>
    </message>
    <message>
        <source>Move to the sidebar</source>
        <translation>Pasar a la barra lateral</translation>
    </message>
    <message>
        <source>Go to Item &amp;Table</source>
        <translation>Ir a la &amp;tabla de elementos</translation>
    </message>
    <message>
        <source>Move to the item table</source>
        <translation>Pasar a la tabla de elementos</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Abrir la guía del usuario</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>Sintaxis de &amp;búsqueda</translation>
    </message>
    <message>
        <source>How to write searches</source>
        <translation>Cómo escribir búsquedas</translation>
    </message>
    <message>
        <source>&amp;About Briefing Builder</source>
        <translation>&amp;Acerca de Briefing Builder</translation>
    </message>
</context>
<context>
    <name>ArticleIntake</name>
    <message>
        <source>Add from &amp;Article…</source>
        <translation>Añadir desde un artícu&amp;lo…</translation>
    </message>
    <message>
        <source>Propose facts, quotes and events from a news article, press release or readout</source>
        <translation>Proponer hechos, citas y eventos a partir de una noticia, un comunicado de prensa o un resumen de reunión</translation>
    </message>
    <message>
        <source>Add Article from &amp;Clipboard</source>
        <translation>Añadir artículo desde el &amp;portapapeles</translation>
    </message>
    <message>
        <source>Propose items from the article text you copied</source>
        <translation>Proponer elementos a partir del texto del artículo que copió</translation>
    </message>
    <message>
        <source>Add from Article</source>
        <translation>Añadir desde un artículo</translation>
    </message>
    <message>
        <source>Articles (*.txt *.md *.html *.htm *.docx *.pdf *.eml);;All files (*)</source>
        <translation>Artículos (*.txt *.md *.html *.htm *.docx *.pdf *.eml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The clipboard holds no text to read as an article.</source>
        <translation>El portapapeles no contiene texto que pueda leerse como artículo.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Reading the article…</source>
        <translation>Leyendo el artículo…</translation>
    </message>
    <message>
        <source>The article could not be read: %1</source>
        <translation>No se pudo leer el artículo: %1</translation>
    </message>
</context>
<context>
    <name>ArticleReviewDialog</name>
    <message>
        <source>Add from Article</source>
        <translation>Añadir desde un artículo</translation>
    </message>
    <message>
        <source>&amp;Add to Fact Base</source>
        <translation>&amp;Añadir a la base de hechos</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation>&amp;Medio:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>Tít&amp;ulo:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Publicado:</translation>
    </message>
    <message>
        <source>This source is already in the fact base.</source>
        <translation>Esta fuente ya está en la base de hechos.</translation>
    </message>
    <message>
        <source>No publication date was found, so %1 relative date(s) were left empty. Enter the date the article was published above, or date the items yourself.</source>
        <translation>No se encontró la fecha de publicación, así que %1 fecha(s) relativa(s) quedaron vacías. Escriba arriba la fecha en que se publicó el artículo o ponga usted la fecha a los elementos.</translation>
    </message>
    <message>
        <source>%1 proposal(s) were left out: the fact base already has them.</source>
        <translation>Se omitieron %1 propuesta(s): la base de hechos ya las tiene.</translation>
    </message>
    <message>
        <source>Nothing in this article could be proposed.</source>
        <translation>No se pudo proponer nada a partir de este artículo.</translation>
    </message>
    <message>
        <source>%1 of %2 proposals ticked; new people: %3.</source>
        <translation>%1 de %2 propuestas marcadas; personas nuevas: %3.</translation>
    </message>
    <message>
        <source>The source needs an outlet.</source>
        <translation>La fuente necesita un medio.</translation>
    </message>
    <message>
        <source>The publication date is not a date.</source>
        <translation>La fecha de publicación no es una fecha.</translation>
    </message>
    <message>
        <source>A ticked proposal has no text.</source>
        <translation>Una propuesta marcada no tiene texto.</translation>
    </message>
    <message>
        <source>The chosen proposal&apos;s date is not a date.</source>
        <translation>La fecha de la propuesta elegida no es una fecha.</translation>
    </message>
    <message>
        <source>Added %1 item(s) from the article.</source>
        <translation>Se añadieron %1 elemento(s) del artículo.</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Article text</source>
        <translation>Texto del artículo</translation>
    </message>
</context>
<context>
    <name>BlockEditor</name>
    <message>
        <source>Selected block</source>
        <translation>Bloque seleccionado</translation>
    </message>
    <message>
        <source>Text in the fact base</source>
        <translation>Texto en la base de hechos</translation>
    </message>
    <message>
        <source>Block style</source>
        <translation>Estilo del bloque</translation>
    </message>
    <message>
        <source>Block text</source>
        <translation>Texto del bloque</translation>
    </message>
    <message>
        <source>Note (not printed)</source>
        <translation>Nota (no se imprime)</translation>
    </message>
    <message>
        <source>A reminder for you; never printed</source>
        <translation>Un recordatorio para usted; nunca se imprime</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Estilo</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Select a block to edit it here.</source>
        <translation>Seleccione un bloque para editarlo aquí.</translation>
    </message>
    <message>
        <source>not in the fact base</source>
        <translation>no está en la base de hechos</translation>
    </message>
    <message>
        <source>This item was deleted from the fact base; the memo leaves it out.</source>
        <translation>Este elemento se eliminó de la base de hechos; el memorando lo omite.</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Texto propio</translation>
    </message>
    <message>
        <source>Other words for this memo only; empty = the fact base text</source>
        <translation>Otras palabras solo para este memorando; vacío = el texto de la base de hechos</translation>
    </message>
    <message>
        <source>Write the paragraph, bullet or talking point</source>
        <translation>Escriba el párrafo, la viñeta o el punto de conversación</translation>
    </message>
</context>
<context>
    <name>BriefingsList</name>
    <message>
        <source>Briefings</source>
        <translation>Notas informativas</translation>
    </message>
    <message>
        <source>&amp;New Briefing…</source>
        <translation>&amp;Nueva nota informativa…</translation>
    </message>
    <message>
        <source>Start a briefing from a template</source>
        <translation>Empezar una nota informativa a partir de una plantilla</translation>
    </message>
    <message>
        <source>D&amp;uplicate Briefing</source>
        <translation>D&amp;uplicar nota informativa</translation>
    </message>
    <message>
        <source>Copy the selected briefing</source>
        <translation>Copiar la nota informativa seleccionada</translation>
    </message>
    <message>
        <source>Rena&amp;me Briefing…</source>
        <translation>Cambiar el no&amp;mbre de la nota…</translation>
    </message>
    <message>
        <source>Change the selected briefing&apos;s title</source>
        <translation>Cambiar el título de la nota informativa seleccionada</translation>
    </message>
    <message>
        <source>&amp;Delete Briefing…</source>
        <translation>&amp;Eliminar nota informativa…</translation>
    </message>
    <message>
        <source>Delete the selected briefing (can be undone)</source>
        <translation>Eliminar la nota informativa seleccionada (se puede deshacer)</translation>
    </message>
    <message>
        <source>Save as &amp;Template…</source>
        <translation>Guardar como plan&amp;tilla…</translation>
    </message>
    <message>
        <source>Keep this briefing&apos;s sections as a template</source>
        <translation>Guardar las secciones de esta nota informativa como plantilla</translation>
    </message>
    <message>
        <source>New Briefing…</source>
        <translation>Nueva nota…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>New Briefing</source>
        <translation>Nueva nota informativa</translation>
    </message>
    <message>
        <source>Rename Briefing</source>
        <translation>Cambiar el nombre de la nota informativa</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Delete Briefing</source>
        <translation>Eliminar nota informativa</translation>
    </message>
    <message>
        <source>Delete the briefing “%1”? You can undo this with Edit ▸ Undo.</source>
        <translation>¿Eliminar la nota informativa «%1»? Puede deshacerlo con Editar ▸ Deshacer.</translation>
    </message>
    <message>
        <source>Deleted “%1” (Ctrl+Z to undo)</source>
        <translation>Se eliminó «%1» (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <source>Save as Template</source>
        <translation>Guardar como plantilla</translation>
    </message>
    <message>
        <source>Name of the new template (its sections are this briefing&apos;s):</source>
        <translation>Nombre de la nueva plantilla (tendrá las secciones de esta nota informativa):</translation>
    </message>
    <message>
        <source>A template “%1” exists. Replace it?</source>
        <translation>Ya existe una plantilla «%1». ¿Reemplazarla?</translation>
    </message>
    <message>
        <source>Saved the template “%1” to %2</source>
        <translation>Se guardó la plantilla «%1» en %2</translation>
    </message>
</context>
<context>
    <name>Bulk</name>
    <message>
        <source>1 item</source>
        <translation>1 elemento</translation>
    </message>
    <message>
        <source>%d items</source>
        <translation>%d elementos</translation>
    </message>
    <message>
        <source>Add Tags</source>
        <translation>Añadir etiquetas</translation>
    </message>
    <message>
        <source>Tags to add to %s (comma-separated):</source>
        <translation>Etiquetas que añadir a %s (separadas por comas):</translation>
    </message>
    <message>
        <source>Tags to add</source>
        <translation>Etiquetas que añadir</translation>
    </message>
    <message>
        <source>Remove Tags</source>
        <translation>Quitar etiquetas</translation>
    </message>
    <message>
        <source>Tags to remove from %s:</source>
        <translation>Etiquetas que quitar de %s:</translation>
    </message>
    <message>
        <source>Tags to remove</source>
        <translation>Etiquetas que quitar</translation>
    </message>
    <message>
        <source>%s (%s)</source>
        <translation>%s (%s)</translation>
    </message>
    <message>
        <source>Delete %s?</source>
        <translation>¿Eliminar %s?</translation>
    </message>
    <message>
        <source>… and %d more</source>
        <translation>… y %d más</translation>
    </message>
    <message>
        <source>These briefings cite it and will show it as missing:</source>
        <translation>Estas notas informativas lo citan y lo mostrarán como ausente:</translation>
    </message>
    <message>
        <source>These briefings cite them and will show them as missing:</source>
        <translation>Estas notas informativas los citan y los mostrarán como faltantes:</translation>
    </message>
    <message>
        <source>No briefing cites it.</source>
        <translation>Ninguna nota informativa lo cita.</translation>
    </message>
    <message>
        <source>No briefing cites them.</source>
        <translation>Ninguna nota informativa los cita.</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>Puede deshacerlo con Editar ▸ Deshacer.</translation>
    </message>
    <message>
        <source>Delete Items</source>
        <translation>Eliminar elementos</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>You stopped waiting for the other program: the change was not saved.</source>
        <translation>Dejó de esperar al otro programa: el cambio no se guardó.</translation>
    </message>
    <message>
        <source>Waiting for another program to finish changing this fact base…</source>
        <translation>Esperando a que otro programa termine de cambiar esta base de hechos…</translation>
    </message>
    <message>
        <source>Could not save the change: another program is changing this fact base. Try again when it has finished.</source>
        <translation>No se pudo guardar el cambio: otro programa está cambiando esta base de hechos. Vuelva a intentarlo cuando haya terminado.</translation>
    </message>
    <message>
        <source>%s (%s items)…</source>
        <translation>%s (%s elementos)…</translation>
    </message>
    <message>
        <source>%s…</source>
        <translation>%s…</translation>
    </message>
    <message>
        <source>Delete 1 item</source>
        <translation>Eliminar 1 elemento</translation>
    </message>
    <message>
        <source>Delete %d items</source>
        <translation>Eliminar %d elementos</translation>
    </message>
    <message>
        <source>Edit person %s</source>
        <translation>Editar la persona %s</translation>
    </message>
    <message>
        <source>New person %s</source>
        <translation>Nueva persona %s</translation>
    </message>
    <message>
        <source>Edit source %s</source>
        <translation>Editar la fuente %s</translation>
    </message>
    <message>
        <source>New source %s</source>
        <translation>Nueva fuente %s</translation>
    </message>
    <message>
        <source>Delete person %s</source>
        <translation>Eliminar la persona %s</translation>
    </message>
    <message>
        <source>Delete source %s</source>
        <translation>Eliminar la fuente %s</translation>
    </message>
    <message>
        <source>Merge %s into %s</source>
        <translation>Fusionar %s con %s</translation>
    </message>
    <message>
        <source>Rename tag %s to %s</source>
        <translation>Renombrar la etiqueta %s como %s</translation>
    </message>
    <message>
        <source>Merge tag %s into %s</source>
        <translation>Fusionar la etiqueta %s con %s</translation>
    </message>
    <message>
        <source>Delete tag %s</source>
        <translation>Eliminar la etiqueta %s</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Add section “%1”</source>
        <translation>Añadir la sección «%1»</translation>
    </message>
    <message>
        <source>Rename section to “%1”</source>
        <translation>Renombrar la sección como «%1»</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>Mover sección</translation>
    </message>
    <message>
        <source>Remove section “%1”</source>
        <translation>Quitar la sección «%1»</translation>
    </message>
    <message>
        <source>Delete briefing “%1”</source>
        <translation>Eliminar la nota informativa «%1»</translation>
    </message>
    <message>
        <source>New briefing “%1”</source>
        <translation>Nueva nota informativa «%1»</translation>
    </message>
    <message>
        <source>Duplicate briefing “%1”</source>
        <translation>Duplicar la nota informativa «%1»</translation>
    </message>
    <message>
        <source>Rename briefing to “%1”</source>
        <translation>Renombrar la nota informativa como «%1»</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Add item to “%1”</source>
        <translation>Añadir elemento a «%1»</translation>
    </message>
    <message>
        <source>Add %2 items to “%1”</source>
        <translation>Añadir %2 elementos a «%1»</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Añadir %1</translation>
    </message>
    <message>
        <source>Move block</source>
        <translation>Mover bloque</translation>
    </message>
    <message>
        <source>Move blocks</source>
        <translation>Mover bloques</translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation>Quitar bloque</translation>
    </message>
    <message>
        <source>Remove blocks</source>
        <translation>Quitar bloques</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>asunto</translation>
    </message>
    <message>
        <source>to</source>
        <translation>destinatario</translation>
    </message>
    <message>
        <source>from</source>
        <translation>remitente</translation>
    </message>
    <message>
        <source>through</source>
        <translation>por conducto de</translation>
    </message>
    <message>
        <source>memo date</source>
        <translation>fecha del memorando</translation>
    </message>
    <message>
        <source>meeting title</source>
        <translation>título de la reunión</translation>
    </message>
    <message>
        <source>meeting date</source>
        <translation>fecha de la reunión</translation>
    </message>
    <message>
        <source>meeting location</source>
        <translation>lugar de la reunión</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>participantes</translation>
    </message>
    <message>
        <source>marking</source>
        <translation>clasificación</translation>
    </message>
    <message>
        <source>portion marking</source>
        <translation>clasificación por partes</translation>
    </message>
    <message>
        <source>note style</source>
        <translation>estilo de notas</translation>
    </message>
    <message>
        <source>template</source>
        <translation>plantilla</translation>
    </message>
    <message>
        <source>memo language</source>
        <translation>idioma del memorando</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>block style</source>
        <translation>estilo del bloque</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>override</source>
        <translation>texto propio</translation>
    </message>
    <message>
        <source>block</source>
        <translation>bloque</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Drop items or add text</source>
        <translation>Suelte elementos aquí o añada texto</translation>
    </message>
    <message>
        <source>(missing item %1)</source>
        <translation>(elemento faltante %1)</translation>
    </message>
    <message>
        <source>(empty — double-click to write)</source>
        <translation>(vacío: doble clic para escribir)</translation>
    </message>
    <message>
        <source>This block cites an item that is no longer in the fact base.</source>
        <translation>Este bloque cita un elemento que ya no está en la base de hechos.</translation>
    </message>
    <message>
        <source>text overridden in this memo</source>
        <translation>texto sustituido en este memorando</translation>
    </message>
    <message>
        <source>The fact base says:</source>
        <translation>La base de hechos dice:</translation>
    </message>
    <message>
        <source>page size</source>
        <translation>tamaño de página</translation>
    </message>
</context>
<context>
    <name>ComposerController</name>
    <message>
        <source>Briefings</source>
        <translation>Notas informativas</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Redacción</translation>
    </message>
    <message>
        <source>Export Briefing as &amp;Word…</source>
        <translation>Exportar nota informativa como &amp;Word…</translation>
    </message>
    <message>
        <source>Write the open briefing as a Word document</source>
        <translation>Guardar la nota informativa abierta como documento de Word</translation>
    </message>
    <message>
        <source>Export Briefing as &amp;PDF…</source>
        <translation>Exportar nota informativa como P&amp;DF…</translation>
    </message>
    <message>
        <source>Write the open briefing as a PDF</source>
        <translation>Guardar la nota informativa abierta como PDF</translation>
    </message>
    <message>
        <source>&amp;Selected Section</source>
        <translation>&amp;Sección seleccionada</translation>
    </message>
    <message>
        <source>Add the selected items to the section selected in the composer</source>
        <translation>Añadir los elementos seleccionados a la sección seleccionada en la redacción</translation>
    </message>
    <message>
        <source>&amp;Print Preview</source>
        <translation>Vista p&amp;revia de impresión</translation>
    </message>
    <message>
        <source>Show the memo&apos;s real PDF pages</source>
        <translation>Mostrar las páginas reales del memorando en PDF</translation>
    </message>
    <message>
        <source>Show &amp;Preview</source>
        <translation>Mostrar la &amp;vista previa</translation>
    </message>
    <message>
        <source>Show or hide the memo preview beside the composer</source>
        <translation>Mostrar u ocultar la vista previa del memorando junto a la redacción</translation>
    </message>
    <message>
        <source>Export Word</source>
        <translation>Exportar Word</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>&amp;Briefing</source>
        <translation>&amp;Nota informativa</translation>
    </message>
    <message>
        <source>Add to &amp;Briefing</source>
        <translation>Añadir a la nota &amp;informativa</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>Briefing composer</source>
        <translation>Redacción de la nota informativa</translation>
    </message>
    <message>
        <source>Length of the memo</source>
        <translation>Extensión del memorando</translation>
    </message>
    <message>
        <source>&amp;Sections</source>
        <translation>&amp;Secciones</translation>
    </message>
    <message>
        <source>Memo &amp;Header</source>
        <translation>&amp;Encabezado del memorando</translation>
    </message>
    <message>
        <source>Sections and blocks</source>
        <translation>Secciones y bloques</translation>
    </message>
    <message>
        <source>Add &amp;Section…</source>
        <translation>Añadir &amp;sección…</translation>
    </message>
    <message>
        <source>Add a section after the selected one</source>
        <translation>Añadir una sección después de la seleccionada</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Mover arri&amp;ba</translation>
    </message>
    <message>
        <source>Move the selected block or section up</source>
        <translation>Subir el bloque o la sección seleccionados</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Mover aba&amp;jo</translation>
    </message>
    <message>
        <source>Move the selected block or section down</source>
        <translation>Bajar el bloque o la sección seleccionados</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected blocks or section</source>
        <translation>Quitar los bloques o la sección seleccionados</translation>
    </message>
    <message>
        <source>Re&amp;name Section</source>
        <translation>Cambiar el nombre de la secc&amp;ión</translation>
    </message>
    <message>
        <source>Edit the selected section&apos;s heading</source>
        <translation>Editar el título de la sección seleccionada</translation>
    </message>
    <message>
        <source>+ Section</source>
        <translation>+ Sección</translation>
    </message>
    <message>
        <source>No briefing open — create or open one in the Briefings list.</source>
        <translation>No hay ninguna nota informativa abierta: cree o abra una en la lista de notas informativas.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <source>about 1 page</source>
        <translation>aprox. 1 página</translation>
    </message>
    <message>
        <source>about %1 pages</source>
        <translation>aprox. %1 páginas</translation>
    </message>
    <message>
        <source>%1 words · %2</source>
        <translation>%1 palabras · %2</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>objetivo: %1</translation>
    </message>
    <message>
        <source>over the page target: cut or move to annexes</source>
        <translation>supera el objetivo de páginas: recorte o pase texto a anexos</translation>
    </message>
    <message>
        <source>Add Section</source>
        <translation>Añadir sección</translation>
    </message>
    <message>
        <source>Heading of the new section:</source>
        <translation>Título de la nueva sección:</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Team Conflicts</source>
        <translation>Conflictos del equipo</translation>
    </message>
    <message>
        <source>These fields were changed both here and in the team library. The library holds their value; yours is kept here until you choose.</source>
        <translation>Estos campos se cambiaron aquí y en la biblioteca del equipo. La biblioteca conserva el valor de los demás; el suyo se guarda aquí hasta que usted elija.</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mío</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>De los demás</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>Conservar el &amp;mío</translation>
    </message>
    <message>
        <source>Keep &amp;Theirs</source>
        <translation>Conservar el de los &amp;demás</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(eliminado)</translation>
    </message>
    <message>
        <source>(kept, edited)</source>
        <translation>(conservado, editado)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Resolve Conflict</source>
        <translation>Resolver conflicto</translation>
    </message>
    <message>
        <source>Conflict not resolved</source>
        <translation>Conflicto sin resolver</translation>
    </message>
    <message>
        <source>Edit Value</source>
        <translation>Editar valor</translation>
    </message>
    <message>
        <source>The value to keep for %1:</source>
        <translation>El valor que se conservará para %1:</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Possible Duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>The fact base already has an item with very similar text:</source>
        <translation>La base de hechos ya tiene un elemento con un texto muy parecido:</translation>
    </message>
    <message>
        <source>The fact base already has %d items with very similar text:</source>
        <translation>La base de hechos ya tiene %d elementos con un texto muy parecido:</translation>
    </message>
    <message>
        <source>Similar items</source>
        <translation>Elementos parecidos</translation>
    </message>
    <message>
        <source>&amp;Open Existing</source>
        <translation>&amp;Abrir el existente</translation>
    </message>
    <message>
        <source>Discard this new item and edit the chosen one</source>
        <translation>Descartar este elemento nuevo y editar el elegido</translation>
    </message>
    <message>
        <source>&amp;Save Anyway</source>
        <translation>&amp;Guardar de todos modos</translation>
    </message>
    <message>
        <source>&amp;Back to Editing</source>
        <translation>&amp;Volver a editar</translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <source>&amp;New Item</source>
        <translation>&amp;Nuevo elemento</translation>
    </message>
    <message>
        <source>&amp;Edit Item…</source>
        <translation>&amp;Editar elemento…</translation>
    </message>
    <message>
        <source>Edit the selected item (F2, Enter)</source>
        <translation>Editar el elemento seleccionado (F2, Intro)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Delete the selected items (undoable)</source>
        <translation>Eliminar los elementos seleccionados (se puede deshacer)</translation>
    </message>
    <message>
        <source>Add &amp;Tags…</source>
        <translation>Añadir e&amp;tiquetas…</translation>
    </message>
    <message>
        <source>Add tags to the selected items</source>
        <translation>Añadir etiquetas a los elementos seleccionados</translation>
    </message>
    <message>
        <source>&amp;Remove Tags…</source>
        <translation>&amp;Quitar etiquetas…</translation>
    </message>
    <message>
        <source>Remove tags from the selected items</source>
        <translation>Quitar etiquetas de los elementos seleccionados</translation>
    </message>
    <message>
        <source>Set &amp;Status</source>
        <translation>Establecer e&amp;stado</translation>
    </message>
    <message>
        <source>Set &amp;Marking</source>
        <translation>Establecer &amp;clasificación</translation>
    </message>
    <message>
        <source>Manage &amp;People…</source>
        <translation>Gestionar &amp;personas…</translation>
    </message>
    <message>
        <source>Edit, merge and delete people</source>
        <translation>Editar, fusionar y eliminar personas</translation>
    </message>
    <message>
        <source>Manage S&amp;ources…</source>
        <translation>Gestionar &amp;fuentes…</translation>
    </message>
    <message>
        <source>Edit, merge and delete sources</source>
        <translation>Editar, fusionar y eliminar fuentes</translation>
    </message>
    <message>
        <source>Manage Ta&amp;gs…</source>
        <translation>Gestionar etiq&amp;uetas…</translation>
    </message>
    <message>
        <source>Rename, merge and delete tags</source>
        <translation>Renombrar, fusionar y eliminar etiquetas</translation>
    </message>
    <message>
        <source>Unmarked</source>
        <translation>Sin clasificación</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nuevo elemento</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Cancelado. No se cambió nada.</translation>
    </message>
    <message>
        <source>Cannot Change the Fact Base</source>
        <translation>No se puede modificar la base de hechos</translation>
    </message>
    <message>
        <source>Cannot Undo or Redo</source>
        <translation>No se puede deshacer ni rehacer</translation>
    </message>
    <message>
        <source>The fact base is read-only: %s.</source>
        <translation>La base de hechos es de solo lectura: %s.</translation>
    </message>
    <message>
        <source>Saved. The current search or filter hides the item.</source>
        <translation>Guardado. La búsqueda o el filtro actuales ocultan el elemento.</translation>
    </message>
    <message>
        <source>%s changed.</source>
        <translation>Cambios aplicados a %s.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>No hay nada que cambiar.</translation>
    </message>
    <message>
        <source>Add tags %s</source>
        <translation>Añadir etiquetas %s</translation>
    </message>
    <message>
        <source>The selected items have no tags.</source>
        <translation>Los elementos seleccionados no tienen etiquetas.</translation>
    </message>
    <message>
        <source>Remove tags %s</source>
        <translation>Quitar etiquetas %s</translation>
    </message>
    <message>
        <source>Set status %s</source>
        <translation>Establecer el estado %s</translation>
    </message>
    <message>
        <source>unmarked</source>
        <translation>sin clasificación</translation>
    </message>
    <message>
        <source>Set marking %s</source>
        <translation>Establecer la clasificación %s</translation>
    </message>
    <message>
        <source>%s deleted. Edit ▸ Undo brings it back.</source>
        <translation>%s eliminado. Editar ▸ Deshacer lo recupera.</translation>
    </message>
    <message>
        <source>%s deleted. Edit ▸ Undo brings them back.</source>
        <translation>Eliminación de %s completada. Editar ▸ Deshacer la revierte.</translation>
    </message>
</context>
<context>
    <name>EmptySections</name>
    <message>
        <source>Leave Out &amp;Empty Sections</source>
        <translation>Omitir &amp;las secciones vacías</translation>
    </message>
    <message>
        <source>Export and print the memo without the sections that have no blocks (the briefing keeps them)</source>
        <translation>Exportar e imprimir el memorando sin las secciones que no tienen bloques (la nota informativa las conserva)</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Export as %1</source>
        <translation>Exportar como %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>1 pre-flight warning: see the warnings panel.</source>
        <translation>1 aviso de revisión previa: vea el panel de avisos.</translation>
    </message>
    <message>
        <source>%1 pre-flight warnings: see the warnings panel.</source>
        <translation>%1 avisos de revisión previa: vea el panel de avisos.</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Close the file if it is open in another program, or choose another folder.</source>
        <translation>Cierre el archivo si está abierto en otro programa o elija otra carpeta.</translation>
    </message>
    <message>
        <source>The memo could not be exported: %1</source>
        <translation>No se pudo exportar el memorando: %1</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <source>New Fact Base</source>
        <translation>Nueva base de hechos</translation>
    </message>
    <message>
        <source>Fact bases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de hechos (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Fill the new fact base with the sample (the Petro–Trump meeting, with its facts, quotes, people, sources and briefing)?

Choose No for an empty fact base.</source>
        <translation>¿Llenar la nueva base de hechos con el ejemplo (la reunión Petro–Trump, con sus hechos, citas, personas, fuentes y nota informativa)?

Elija No para una base de hechos vacía.</translation>
    </message>
    <message>
        <source>Cannot create the fact base</source>
        <translation>No se puede crear la base de hechos</translation>
    </message>
    <message>
        <source>Open Fact Base</source>
        <translation>Abrir base de hechos</translation>
    </message>
    <message>
        <source>Cannot open the fact base</source>
        <translation>No se puede abrir la base de hechos</translation>
    </message>
    <message>
        <source>%s does not exist (any more).</source>
        <translation>%s ya no existe.</translation>
    </message>
    <message>
        <source>Opened %s</source>
        <translation>Abierto: %s</translation>
    </message>
    <message>
        <source>No recent fact bases</source>
        <translation>No hay bases de hechos recientes</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vaciar menú</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Fact packs and CSV files (*.json *.csv);;Fact packs (*.json);;CSV files (*.csv);;All files (*)</source>
        <translation>Paquetes de hechos y archivos CSV (*.json *.csv);;Paquetes de hechos (*.json);;Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import %s</source>
        <translation>Importar %s</translation>
    </message>
    <message>
        <source>Imported %s: %s</source>
        <translation>Importado %s: %s</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>La importación falló</translation>
    </message>
    <message>
        <source>Importing %s…</source>
        <translation>Importando %s…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importación cancelada; no se cambió nada.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Select the items to export first.</source>
        <translation>Seleccione primero los elementos que desea exportar.</translation>
    </message>
    <message>
        <source>Export Fact Pack</source>
        <translation>Exportar paquete de hechos</translation>
    </message>
    <message>
        <source>Fact packs (*.json)</source>
        <translation>Paquetes de hechos (*.json)</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 fuentes</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 personas</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 elementos</translation>
    </message>
    <message>
        <source>%1 briefings</source>
        <translation>%1 notas informativas</translation>
    </message>
    <message>
        <source>Exported %s to %s</source>
        <translation>Exportado (%s) a %s</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Exporting to %s…</source>
        <translation>Exportando a %s…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>Back Up Fact Base</source>
        <translation>Copia de seguridad de la base de hechos</translation>
    </message>
    <message>
        <source>Backed up to %s</source>
        <translation>Copia de seguridad guardada en %s</translation>
    </message>
    <message>
        <source>Backing up to %s…</source>
        <translation>Guardando copia de seguridad en %s…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>La copia de seguridad falló</translation>
    </message>
    <message>
        <source>Backup cancelled; nothing was written.</source>
        <translation>Copia de seguridad cancelada; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>Briefing title</source>
        <translation>Título de la nota informativa</translation>
    </message>
    <message>
        <source>How the briefing is listed, e.g. Petro meeting brief</source>
        <translation>Cómo aparece en la lista, p. ej., Nota para la reunión con Petro</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>The SUBJECT line of the memo</source>
        <translation>La línea ASUNTO del memorando</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>The principal the memo is for</source>
        <translation>La autoridad a quien va dirigido el memorando</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Who sends it</source>
        <translation>Quién lo envía</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>Por conducto de</translation>
    </message>
    <message>
        <source>Who it passes through on the way (optional)</source>
        <translation>Por quién pasa antes de llegar (opcional)</translation>
    </message>
    <message>
        <source>Memo date</source>
        <translation>Fecha del memorando</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>e.g. Meeting with President Gustavo Petro</source>
        <translation>p. ej., Reunión con el presidente Gustavo Petro</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or YYYY-MM-DDTHH:MM</source>
        <translation>AAAA-MM-DD o AAAA-MM-DDTHH:MM</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>e.g. The White House, Washington</source>
        <translation>p. ej., La Casa Blanca, Washington</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM</source>
        <translation>AAAA, AAAA-MM, AAAA-MM-DD o AAAA-MM-DDTHH:MM</translation>
    </message>
    <message>
        <source>Memo header</source>
        <translation>Encabezado del memorando</translation>
    </message>
    <message>
        <source>Meeting participants</source>
        <translation>Participantes de la reunión</translation>
    </message>
    <message>
        <source>Tick the people at the meeting; they fill the Participants section.</source>
        <translation>Marque las personas presentes en la reunión; completan la sección Participantes.</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Overall marking</source>
        <translation>Clasificación general</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Mark each portion, e.g. (U)</source>
        <translation>Clasificar cada parte, p. ej., (U)</translation>
    </message>
    <message>
        <source>Portion marking</source>
        <translation>Clasificación por partes</translation>
    </message>
    <message>
        <source>Portion marks</source>
        <translation>Marcas por partes</translation>
    </message>
    <message>
        <source>Source notes</source>
        <translation>Notas de fuentes</translation>
    </message>
    <message>
        <source>Memo language</source>
        <translation>Idioma del memorando</translation>
    </message>
    <message>
        <source>The language of the memo&apos;s own words (notes, sources, page numbers) and of its dates. What you write is not translated.</source>
        <translation>El idioma de los textos propios del memorando (notas, fuentes, números de página) y de sus fechas. Lo que usted escribe no se traduce.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>How the memo is drawn: title line, numbering, page target. The sections stay as they are.</source>
        <translation>Cómo se presenta el memorando: línea de título, numeración, objetivo de páginas. Las secciones no cambian.</translation>
    </message>
    <message>
        <source>%1 is not a date: use %2.</source>
        <translation>%1 no es una fecha: use %2.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Tamaño de página</translation>
    </message>
    <message>
        <source>The paper of the Word and PDF memo</source>
        <translation>El papel de la nota en Word y PDF</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>search-syntax</source>
        <translation>lenguaje-de-consulta</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Briefing Builder User Guide</source>
        <translation>Guía del usuario de Briefing Builder</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Find in guide</source>
        <translation>Buscar en la guía</translation>
    </message>
    <message>
        <source>Find in guide (Ctrl+F)</source>
        <translation>Buscar en la guía (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Resultado de la búsqueda</translation>
    </message>
    <message>
        <source>User guide text</source>
        <translation>Texto de la guía del usuario</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 coincidencia</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 coincidencias</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
</context>
<context>
    <name>ItemDetails</name>
    <message>
        <source>(missing person %1)</source>
        <translation>(persona faltante %1)</translation>
    </message>
    <message>
        <source>(missing source %1)</source>
        <translation>(fuente faltante %1)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Orador</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traducción</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>ItemDetailsView</name>
    <message>
        <source>Select an item to see its details.</source>
        <translation>Seleccione un elemento para ver sus detalles.</translation>
    </message>
    <message>
        <source>Item details</source>
        <translation>Detalles del elemento</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit this item</source>
        <translation>Editar este elemento</translation>
    </message>
    <message>
        <source>Edit this item (F2, or Enter in the table)</source>
        <translation>Editar este elemento (F2, o Intro en la tabla)</translation>
    </message>
</context>
<context>
    <name>ItemEditorDialog</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>A short headline (optional)</source>
        <translation>Un titular breve (opcional)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traducción</translation>
    </message>
    <message>
        <source>The quote in the memo&apos;s language</source>
        <translation>La cita en el idioma del memorando</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Where and when it was said</source>
        <translation>Dónde y cuándo se dijo</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>For you and your colleagues; not in memos</source>
        <translation>Para usted y sus colegas; no aparece en los memorandos</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language code, e.g. es</source>
        <translation>Código de idioma, p. ej., es</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Portion marking from the %s scheme</source>
        <translation>Clasificación por partes del esquema %s</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Guardar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>Tít&amp;ulo:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>Te&amp;xto:</translation>
    </message>
    <message>
        <source>T&amp;ranslation:</source>
        <translation>Tra&amp;ducción:</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Contexto:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>Fecha de &amp;fin:</translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation>&amp;Orador:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Idio&amp;ma:</translation>
    </message>
    <message>
        <source>Peop&amp;le:</source>
        <translation>&amp;Personas:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>Fu&amp;ente:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Eti&amp;quetas:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>Cl&amp;asificación:</translation>
    </message>
    <message>
        <source>&amp;Quote:</source>
        <translation>C&amp;ita:</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>Fecha de &amp;inicio:</translation>
    </message>
    <message>
        <source>Write the text (or at least a title).</source>
        <translation>Escriba el texto (o al menos un título).</translation>
    </message>
    <message>
        <source>Date: %s</source>
        <translation>Fecha: %s</translation>
    </message>
    <message>
        <source>End date: %s</source>
        <translation>Fecha de fin: %s</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation>El evento termina antes de empezar.</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>No se puede guardar</translation>
    </message>
    <message>
        <source>Language: “%s” is not a language code (e.g. es, pt-BR).</source>
        <translation>Idioma: «%s» no es un código de idioma (p. ej., es, pt-BR).</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Used in the open briefing</source>
        <translation>Usado en la nota informativa abierta</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join Team Library</source>
        <translation>Unirse a la biblioteca del equipo</translation>
    </message>
    <message>
        <source>This fact base becomes a replica of the office&apos;s team library: what it holds is shared, and everyone&apos;s changes arrive here. Ask whoever runs the server for its address.</source>
        <translation>Esta base de hechos pasa a ser una réplica de la biblioteca del equipo de la oficina: lo que contiene se comparte y los cambios de todos llegan aquí. Pida la dirección del servidor a quien lo administra.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>The password is not kept in the fact base: give it in ~/.pgpass, a service file or PGPASSWORD.</source>
        <translation>La contraseña no se guarda en la base de hechos: indíquela en ~/.pgpass, en un archivo de servicio o en PGPASSWORD.</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Unirse</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Fact</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>cita</translation>
    </message>
    <message>
        <source>event</source>
        <translation>evento</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Hechos</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>New &amp;Fact…</source>
        <translation>Nuevo &amp;hecho…</translation>
    </message>
    <message>
        <source>New &amp;Quote…</source>
        <translation>Nueva &amp;cita…</translation>
    </message>
    <message>
        <source>New &amp;Event…</source>
        <translation>Nuevo &amp;evento…</translation>
    </message>
    <message>
        <source>Add a fact</source>
        <translation>Añadir un hecho</translation>
    </message>
    <message>
        <source>Add a quote</source>
        <translation>Añadir una cita</translation>
    </message>
    <message>
        <source>Add an event</source>
        <translation>Añadir un evento</translation>
    </message>
    <message>
        <source>New Fact</source>
        <translation>Nuevo hecho</translation>
    </message>
    <message>
        <source>New Quote</source>
        <translation>Nueva cita</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>Edit Fact</source>
        <translation>Editar hecho</translation>
    </message>
    <message>
        <source>Edit Quote</source>
        <translation>Editar cita</translation>
    </message>
    <message>
        <source>Edit Event</source>
        <translation>Editar evento</translation>
    </message>
    <message>
        <source>New fact “%s”</source>
        <translation>Nuevo hecho «%s»</translation>
    </message>
    <message>
        <source>New quote “%s”</source>
        <translation>Nueva cita «%s»</translation>
    </message>
    <message>
        <source>New event “%s”</source>
        <translation>Nuevo evento «%s»</translation>
    </message>
    <message>
        <source>Edit fact “%s”</source>
        <translation>Editar hecho «%s»</translation>
    </message>
    <message>
        <source>Edit quote “%s”</source>
        <translation>Editar cita «%s»</translation>
    </message>
    <message>
        <source>Edit event “%s”</source>
        <translation>Editar evento «%s»</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Sin verificar</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Cuestionado</translation>
    </message>
    <message>
        <source>&amp;Unverified</source>
        <translation>&amp;Sin verificar</translation>
    </message>
    <message>
        <source>&amp;Verified</source>
        <translation>&amp;Verificado</translation>
    </message>
    <message>
        <source>&amp;Disputed</source>
        <translation>&amp;Cuestionado</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Párrafo</translation>
    </message>
    <message>
        <source>Bullet</source>
        <translation>Viñeta</translation>
    </message>
    <message>
        <source>Talking point</source>
        <translation>Punto de conversación</translation>
    </message>
    <message>
        <source>Add &amp;Paragraph</source>
        <translation>Añadir &amp;párrafo</translation>
    </message>
    <message>
        <source>Add &amp;Bullet</source>
        <translation>Añadir &amp;viñeta</translation>
    </message>
    <message>
        <source>Add &amp;Talking Point</source>
        <translation>Añadir punto de &amp;conversación</translation>
    </message>
    <message>
        <source>Write a paragraph in the selected section</source>
        <translation>Escribir un párrafo en la sección seleccionada</translation>
    </message>
    <message>
        <source>Write a bullet</source>
        <translation>Escribir una viñeta</translation>
    </message>
    <message>
        <source>Write a talking point</source>
        <translation>Escribir un punto de conversación</translation>
    </message>
    <message>
        <source>+ Paragraph</source>
        <translation>+ Párrafo</translation>
    </message>
    <message>
        <source>+ Bullet</source>
        <translation>+ Viñeta</translation>
    </message>
    <message>
        <source>+ Point</source>
        <translation>+ Punto</translation>
    </message>
    <message>
        <source>filled in automatically: dated items, in order</source>
        <translation>se completa automáticamente: elementos con fecha, en orden</translation>
    </message>
    <message>
        <source>filled in automatically: the meeting participants</source>
        <translation>se completa automáticamente: los participantes de la reunión</translation>
    </message>
    <message>
        <source>filled in automatically: the sources cited</source>
        <translation>se completa automáticamente: las fuentes citadas</translation>
    </message>
    <message>
        <source>filled in automatically</source>
        <translation>se completa automáticamente</translation>
    </message>
    <message>
        <source>Footnotes</source>
        <translation>Notas al pie</translation>
    </message>
    <message>
        <source>Endnotes</source>
        <translation>Notas al final</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Documento de Word</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Página web</translation>
    </message>
    <message>
        <source>Missing item</source>
        <translation>Elemento faltante</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Carta EE. UU. (8,5 × 11 pulg.)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search: words, &quot;a phrase&quot;, kind:quote, tag:…, person:…, after:2025-09</source>
        <translation>Buscar: palabras, &quot;una frase&quot;, kind:quote, tag:…, person:…, after:2025-09</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <source>Copied the item&apos;s id: %s</source>
        <translation>Id del elemento copiado: %s</translation>
    </message>
    <message>
        <source>Copied %s ids</source>
        <translation>%s ids copiados</translation>
    </message>
    <message>
        <source>Search items</source>
        <translation>Buscar elementos</translation>
    </message>
    <message>
        <source>Filters the item table as you type. Words, &quot;a phrase&quot;, kind:quote, tag:…, person:…, after:2025-09. Esc clears.</source>
        <translation>Filtra la tabla de elementos mientras escribe. Palabras, &quot;una frase&quot;, kind:quote, tag:…, person:…, after:2025-09. Esc borra.</translation>
    </message>
    <message>
        <source>Active filters</source>
        <translation>Filtros activos</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Clear search and filter</source>
        <translation>Limpiar búsqueda y filtro</translation>
    </message>
    <message>
        <source>Show every item again (Esc in the search box)</source>
        <translation>Mostrar de nuevo todos los elementos (Esc en el cuadro de búsqueda)</translation>
    </message>
    <message>
        <source>search “%s”</source>
        <translation>búsqueda «%s»</translation>
    </message>
    <message>
        <source>Showing only: %s</source>
        <translation>Solo se muestra: %s</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Item count</source>
        <translation>Número de elementos</translation>
    </message>
    <message>
        <source>Fact base file</source>
        <translation>Archivo de la base de hechos</translation>
    </message>
    <message>
        <source>The fact base this window shows: %s</source>
        <translation>La base de hechos que muestra esta ventana: %s</translation>
    </message>
    <message>
        <source>Showing %s (counting…)</source>
        <translation>Se muestran %s (contando…)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>E&amp;lemento</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>&amp;Undo %s</source>
        <translation>&amp;Deshacer %s</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo %s</source>
        <translation>Deshacer %s</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Deshacer el último cambio</translation>
    </message>
    <message>
        <source>&amp;Redo %s</source>
        <translation>&amp;Rehacer %s</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Redo %s</source>
        <translation>Rehacer %s</translation>
    </message>
    <message>
        <source>Redo the undone change</source>
        <translation>Rehacer el cambio deshecho</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>Restaurar desde una &amp;copia de seguridad…</translation>
    </message>
    <message>
        <source>Put an automatic backup in place of this fact base</source>
        <translation>Poner una copia de seguridad automática en lugar de esta base de hechos</translation>
    </message>
    <message>
        <source>&amp;Check Fact Base</source>
        <translation>&amp;Comprobar la base de hechos</translation>
    </message>
    <message>
        <source>Check the fact base file for damage</source>
        <translation>Comprobar si el archivo de la base de hechos está dañado</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>Read-only: %s. Search, export and print work; changes cannot be saved.</source>
        <translation>Solo lectura: %s. Se puede buscar, exportar e imprimir; los cambios no se pueden guardar.</translation>
    </message>
    <message>
        <source>Automatic backup failed: %s</source>
        <translation>La copia de seguridad automática falló: %s</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>La restauración falló</translation>
    </message>
    <message>
        <source>Restored the backup of %1; the replaced file is kept as %2</source>
        <translation>Restaurada la copia del %1; el archivo reemplazado se conserva como %2</translation>
    </message>
    <message>
        <source>Check Fact Base</source>
        <translation>Comprobar la base de hechos</translation>
    </message>
    <message>
        <source>Checking the fact base…</source>
        <translation>Comprobando la base de hechos…</translation>
    </message>
</context>
<context>
    <name>ManagePeopleDialog</name>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nueva…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionar…</translation>
    </message>
    <message>
        <source>Select two people who are the same person</source>
        <translation>Seleccione dos personas que sean la misma</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Only people no item or briefing names can be deleted</source>
        <translation>Solo se pueden eliminar las personas que ningún elemento ni nota informativa menciona</translation>
    </message>
    <message>
        <source>Double-click a person to edit them. To clean up a duplicate, select both and choose Merge: everything that names one will name the other.</source>
        <translation>Haga doble clic en una persona para editarla. Para eliminar un duplicado, seleccione ambas y elija Fusionar: todo lo que mencione a una mencionará a la otra.</translation>
    </message>
    <message>
        <source>Every item and briefing that names the other one will name the one you keep (%d and %d references now); the other is then deleted. Edit ▸ Undo takes the merge back.</source>
        <translation>Todos los elementos y notas informativas que mencionan a la otra mencionarán a la que conserve (ahora %d y %d referencias); después se elimina la otra. Editar ▸ Deshacer revierte la fusión.</translation>
    </message>
    <message>
        <source>Delete Person</source>
        <translation>Eliminar persona</translation>
    </message>
    <message>
        <source>Delete %s?</source>
        <translation>¿Eliminar %s?</translation>
    </message>
</context>
<context>
    <name>ManageSourcesDialog</name>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nueva…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionar…</translation>
    </message>
    <message>
        <source>Select two sources that are the same article or outlet</source>
        <translation>Seleccione dos fuentes que sean el mismo artículo o medio</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Only sources no item cites can be deleted</source>
        <translation>Solo se pueden eliminar las fuentes que ningún elemento cita</translation>
    </message>
    <message>
        <source>Double-click a source to edit it. To clean up a duplicate, select both and choose Merge: the items citing one will cite the other.</source>
        <translation>Haga doble clic en una fuente para editarla. Para eliminar un duplicado, seleccione ambas y elija Fusionar: los elementos que citan una citarán la otra.</translation>
    </message>
    <message>
        <source>The items citing the other one (%d and %d now) will cite the one you keep; the other is then deleted. Edit ▸ Undo takes the merge back.</source>
        <translation>Los elementos que citan la otra (ahora %d y %d) citarán la que conserve; después se elimina la otra. Editar ▸ Deshacer revierte la fusión.</translation>
    </message>
    <message>
        <source>Delete Source</source>
        <translation>Eliminar fuente</translation>
    </message>
    <message>
        <source>Delete %s?</source>
        <translation>¿Eliminar %s?</translation>
    </message>
</context>
<context>
    <name>ManageTagsDialog</name>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renombrar…</translation>
    </message>
    <message>
        <source>Rename the tag on every item</source>
        <translation>Renombrar la etiqueta en todos los elementos</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionar…</translation>
    </message>
    <message>
        <source>Select two tags that mean the same</source>
        <translation>Seleccione dos etiquetas que signifiquen lo mismo</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Remove the tag from every item</source>
        <translation>Quitar la etiqueta de todos los elementos</translation>
    </message>
    <message>
        <source>Double-click a tag (or press F2) to rename it on every item. Two tags that mean the same? Select both and choose Merge.</source>
        <translation>Haga doble clic en una etiqueta (o pulse F2) para renombrarla en todos los elementos. ¿Dos etiquetas significan lo mismo? Seleccione ambas y elija Fusionar.</translation>
    </message>
    <message>
        <source>Items tagged with the other one (%s and %s now) get the one you keep; the other tag is then deleted. Edit ▸ Undo takes the merge back.</source>
        <translation>Los elementos con la otra etiqueta (ahora %s y %s) reciben la que conserve; después se elimina la otra. Editar ▸ Deshacer revierte la fusión.</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>Eliminar etiqueta</translation>
    </message>
    <message>
        <source>Remove the tag “%s” from %s and delete it?</source>
        <translation>¿Quitar la etiqueta «%s» de %s y eliminarla?</translation>
    </message>
</context>
<context>
    <name>MarkingChooser</name>
    <message>
        <source>Unmarked</source>
        <translation>Sin clasificación</translation>
    </message>
    <message>
        <source>%s (not in the %s scheme)</source>
        <translation>%s (no está en el esquema %s)</translation>
    </message>
</context>
<context>
    <name>MemoPrinter</name>
    <message>
        <source>Briefing</source>
        <translation>Nota informativa</translation>
    </message>
    <message>
        <source>Print Briefing</source>
        <translation>Imprimir la nota informativa</translation>
    </message>
    <message>
        <source>The briefing was not printed: %1</source>
        <translation>La nota informativa no se imprimió: %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Enviar a la impres&amp;ora…</translation>
    </message>
    <message>
        <source>Print the open briefing: the same pages as its PDF</source>
        <translation>Imprimir la nota informativa abierta: las mismas páginas que su PDF</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %s</source>
        <translation>Fusionar %s</translation>
    </message>
    <message>
        <source>Merge “%s” and “%s”? Keep:</source>
        <translation>¿Fusionar «%s» y «%s»? Conservar:</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionar</translation>
    </message>
</context>
<context>
    <name>NewBriefingDialog</name>
    <message>
        <source>New Briefing</source>
        <translation>Nueva nota informativa</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>e.g. Petro meeting brief</source>
        <translation>p. ej., Nota para la reunión con Petro</translation>
    </message>
</context>
<context>
    <name>PartialDateField</name>
    <message>
        <source>YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM</source>
        <translation>AAAA, AAAA-MM, AAAA-MM-DD o AAAA-MM-DDTHH:MM</translation>
    </message>
    <message>
        <source>e.g. 2026-02 or 2026-02-03</source>
        <translation>p. ej., 2026-02 o 2026-02-03</translation>
    </message>
    <message>
        <source>A date, as precise as you know it: %s</source>
        <translation>Una fecha, tan precisa como la conozca: %s</translation>
    </message>
    <message>
        <source>%s: message</source>
        <translation>%s: mensaje</translation>
    </message>
    <message>
        <source>No such day, month or time: %s</source>
        <translation>No existe ese día, mes u hora: %s</translation>
    </message>
    <message>
        <source>Not a date. Write %s</source>
        <translation>No es una fecha. Escriba %s</translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Add a person by name</source>
        <translation>Añadir una persona por su nombre</translation>
    </message>
    <message>
        <source>Add by name…</source>
        <translation>Añadir por nombre…</translation>
    </message>
    <message>
        <source>Type a name and press Enter; a new name creates a person</source>
        <translation>Escriba un nombre y pulse Intro; un nombre nuevo crea una persona</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nueva…</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nueva persona</translation>
    </message>
    <message>
        <source>Create a person and add them</source>
        <translation>Crear una persona y añadirla</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected person</source>
        <translation>Quitar la persona seleccionada</translation>
    </message>
    <message>
        <source>(missing person %s)</source>
        <translation>(persona faltante %s)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit Person</source>
        <translation>Editar persona</translation>
    </message>
    <message>
        <source>New Person</source>
        <translation>Nueva persona</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Cargo:</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organización:</translation>
    </message>
    <message>
        <source>Coun&amp;try:</source>
        <translation>&amp;País:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>Nota&amp;s:</translation>
    </message>
    <message>
        <source>A person needs a name.</source>
        <translation>Una persona necesita un nombre.</translation>
    </message>
    <message>
        <source>Note: %s is already in the fact base.</source>
        <translation>Nota: %s ya está en la base de hechos.</translation>
    </message>
</context>
<context>
    <name>PreferencesController</name>
    <message>
        <source>The new language shows the next time Briefing Builder starts.</source>
        <translation>El nuevo idioma se mostrará la próxima vez que se inicie Briefing Builder.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Put every field back to how the app comes; nothing is stored until OK</source>
        <translation>Devolver todos los campos a los valores de fábrica; no se guarda nada hasta pulsar Aceptar</translation>
    </message>
    <message>
        <source>New briefings</source>
        <translation>Notas informativas nuevas</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>e.g. Ana Ruiz</source>
        <translation>p. ej., Ana Ruiz</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <source>e.g. Western Hemisphere Affairs</source>
        <translation>p. ej., Asuntos del Hemisferio Occidental</translation>
    </message>
    <message>
        <source>Source notes of new briefings</source>
        <translation>Notas de fuentes de las notas informativas nuevas</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>O&amp;ffice:</source>
        <translation>O&amp;ficina:</translation>
    </message>
    <message>
        <source>Source &amp;notes:</source>
        <translation>&amp;Notas de fuentes:</translation>
    </message>
    <message>
        <source>New fact bases</source>
        <translation>Bases de hechos nuevas</translation>
    </message>
    <message>
        <source>Marking scheme of new fact bases</source>
        <translation>Esquema de clasificación de las bases de hechos nuevas</translation>
    </message>
    <message>
        <source>Used for new empty fact bases. A fact base made with the sample keeps the U.S. markings its items carry.</source>
        <translation>Se usa en las bases de hechos nuevas vacías. Una base de hechos creada con el ejemplo conserva las clasificaciones de EE. UU. de sus elementos.</translation>
    </message>
    <message>
        <source>&amp;Marking scheme:</source>
        <translation>Esquema de &amp;clasificación:</translation>
    </message>
    <message>
        <source>Pre-flight warnings</source>
        <translation>Avisos de revisión previa</translation>
    </message>
    <message>
        <source>Stale after this many days</source>
        <translation>Desactualizado después de estos días</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>A fact or quote dated longer than this before the meeting is flagged as stale.</source>
        <translation>Un hecho o una cita con fecha anterior a la reunión en más de este plazo se marca como desactualizado.</translation>
    </message>
    <message>
        <source>&amp;Stale after:</source>
        <translation>&amp;Desactualizado tras:</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Idioma de la aplicación</translation>
    </message>
    <message>
        <source>Language of menus and dialogs</source>
        <translation>Idioma de menús y diálogos</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Takes effect the next time Briefing Builder starts. A memo&apos;s own language is set in its header.</source>
        <translation>Se aplica la próxima vez que se inicie Briefing Builder. El idioma de cada memorando se elige en su encabezado.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>New briefings start with FROM: %1</source>
        <translation>Las notas informativas nuevas empiezan con DE: %1</translation>
    </message>
    <message>
        <source>New briefings start with an empty FROM line.</source>
        <translation>Las notas informativas nuevas empiezan con la línea DE vacía.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Default author and office, notes, marking scheme, stale limit, language</source>
        <translation>Autor y oficina predeterminados, notas, esquema de clasificación, plazo de desactualización, idioma</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>Tamaño de &amp;página:</translation>
    </message>
    <message>
        <source>Page size of new briefings</source>
        <translation>Tamaño de página de las notas informativas nuevas</translation>
    </message>
    <message>
        <source>Until you choose, new briefings take the paper of your region: A4, or US Letter in the US</source>
        <translation>Mientras no elija otro, las notas informativas nuevas usan el papel de su región: A4, o Carta en EE. UU.</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>%1 (%2 in %3) is not verified.</source>
        <translation>%1 (%2 en %3): sin verificar.</translation>
    </message>
    <message>
        <source>%1 (%2 in %3) is disputed.</source>
        <translation>%1 (%2 en %3) está en disputa.</translation>
    </message>
    <message>
        <source>%1 (%2 in %3) has no source.</source>
        <translation>%1 (%2 en %3) no tiene fuente.</translation>
    </message>
    <message>
        <source>%1 (%2 in %3) cites a source that no longer exists.</source>
        <translation>%1 (%2 en %3) cita una fuente que ya no existe.</translation>
    </message>
    <message>
        <source>%1 (%2 in %3) is dated %4, %5 days before %6 (limit %7).</source>
        <translation>%1 (%2 en %3): fecha %4, %5 días antes de %6 (límite: %7).</translation>
    </message>
    <message>
        <source>%1 (%2 in %3) is marked “%4”, which the “%5” scheme does not know (%6).</source>
        <translation>%1 (%2 en %3) tiene la clasificación «%4», que el esquema «%5» no conoce (%6).</translation>
    </message>
    <message>
        <source>The memo&apos;s marking “%1” is not in the “%2” scheme (%3).</source>
        <translation>La clasificación del memorando, «%1», no está en el esquema «%2» (%3).</translation>
    </message>
    <message>
        <source>%1 (%2 in %3) has no marking; the memo will show it as %4.</source>
        <translation>%1 (%2 en %3) no tiene clasificación; el memorando usará %4.</translation>
    </message>
    <message>
        <source>A block in %1 cites an item that no longer exists (id %2); it is left out of the memo.</source>
        <translation>Un bloque de %1 cita un elemento que ya no existe (id %2); se omite en el memorando.</translation>
    </message>
    <message>
        <source>A meeting participant no longer exists (id %1); the participants table leaves them out.</source>
        <translation>Un participante de la reunión ya no existe (id %1); la tabla de participantes lo omite.</translation>
    </message>
    <message>
        <source>The section %1 is empty; the memo prints its heading alone.</source>
        <translation>La sección %1 está vacía; el memorando imprime solo su título.</translation>
    </message>
    <message>
        <source>the meeting</source>
        <translation>la reunión</translation>
    </message>
    <message>
        <source>the memo date</source>
        <translation>la fecha del memorando</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Memo preview</source>
        <translation>Vista previa del memorando</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>The memo as it takes shape</source>
        <translation>El memorando a medida que toma forma</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>The real PDF pages</source>
        <translation>Las páginas reales en PDF</translation>
    </message>
    <message>
        <source>Smaller type in the preview</source>
        <translation>Letra más pequeña en la vista previa</translation>
    </message>
    <message>
        <source>Larger type in the preview</source>
        <translation>Letra más grande en la vista previa</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Vista previa de impresión</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <source>Preview failed</source>
        <translation>La vista previa falló</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Import refused</source>
        <translation>Importación rechazada</translation>
    </message>
    <message>
        <source>1 problem was found</source>
        <translation>Se encontró 1 problema</translation>
    </message>
    <message>
        <source>%d problems were found</source>
        <translation>Se encontraron %d problemas</translation>
    </message>
    <message>
        <source>%s was not imported: %s. Nothing in the fact base was changed. Correct the file and import it again.</source>
        <translation>%s no se importó: %s. No se cambió nada en la base de hechos. Corrija el archivo e impórtelo de nuevo.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>&amp;Copy to Clipboard</source>
        <translation>&amp;Copiar al portapapeles</translation>
    </message>
    <message>
        <source>Copy problems to clipboard</source>
        <translation>Copiar los problemas al portapapeles</translation>
    </message>
</context>
<context>
    <name>ProposalForm</name>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>etiquetas, separadas por comas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation>&amp;Orador:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Etiquetas:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>E&amp;stado:</translation>
    </message>
</context>
<context>
    <name>ProposalList</name>
    <message>
        <source>Proposals</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <source>“%1” — %2</source>
        <translation>«%1» — %2</translation>
    </message>
    <message>
        <source>no speaker</source>
        <translation>sin orador</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>sin fecha</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 ticked)</source>
        <translation>%1 (%2 de %3 con marca)</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>New…</source>
        <translation>Nueva…</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>The fact base is replaced by the backup you choose. The current file is kept as another backup, so a restore can be undone by restoring that one.</source>
        <translation>La base de hechos se reemplaza por la copia que elija. El archivo actual se conserva como otra copia, así que una restauración se puede deshacer restaurando esa.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <source>Briefings</source>
        <translation>Notas informativas</translation>
    </message>
    <message>
        <source>There are no automatic backups of this fact base yet.</source>
        <translation>Aún no hay copias de seguridad automáticas de esta base de hechos.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
</context>
<context>
    <name>SavedSearches</name>
    <message>
        <source>Saved searches</source>
        <translation>Búsquedas guardadas</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>Guardar búsqueda</translation>
    </message>
    <message>
        <source>Type a search or choose a filter first; there is nothing to save.</source>
        <translation>Escriba una búsqueda o elija un filtro primero; no hay nada que guardar.</translation>
    </message>
    <message>
        <source>Name for the search “%s”:</source>
        <translation>Nombre para la búsqueda «%s»:</translation>
    </message>
    <message>
        <source>A saved search named “%s” exists (%s). Replace it?</source>
        <translation>Ya existe una búsqueda guardada llamada «%s» (%s). ¿Reemplazarla?</translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation>Renombrar búsqueda guardada</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Delete Saved Search</source>
        <translation>Eliminar búsqueda guardada</translation>
    </message>
    <message>
        <source>Delete the saved search “%s”? The items it finds are not affected.</source>
        <translation>¿Eliminar la búsqueda guardada «%s»? Los elementos que encuentra no se modifican.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search suggestions</source>
        <translation>Sugerencias de búsqueda</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Kinds, statuses, tags, people, sources and saved searches with their item counts. Choosing one filters the item table.</source>
        <translation>Tipos, estados, etiquetas, personas, fuentes y búsquedas guardadas con su número de elementos. Al elegir uno se filtra la tabla de elementos.</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Todos los elementos</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Tipos</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Búsquedas guardadas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Saved search</source>
        <translation>Búsqueda guardada</translation>
    </message>
    <message>
        <source>Save Current Search…</source>
        <translation>Guardar la búsqueda actual…</translation>
    </message>
    <message>
        <source>Rename “%s”…</source>
        <translation>Renombrar «%s»…</translation>
    </message>
    <message>
        <source>Delete “%s”</source>
        <translation>Eliminar «%s»</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Edit Source</source>
        <translation>Editar fuente</translation>
    </message>
    <message>
        <source>New Source</source>
        <translation>Nueva fuente</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>e.g. EFE, Reuters, State Department</source>
        <translation>p. ej., EFE, Reuters, Departamento de Estado</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation>&amp;Medio:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Publicado:</translation>
    </message>
    <message>
        <source>&amp;Accessed:</source>
        <translation>&amp;Consultado:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>Nota&amp;s:</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>(sin fuente)</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Nueva fuente</translation>
    </message>
    <message>
        <source>Create a source and choose it</source>
        <translation>Crear una fuente y elegirla</translation>
    </message>
</context>
<context>
    <name>SpeakerPicker</name>
    <message>
        <source>Speaker</source>
        <translation>Orador</translation>
    </message>
    <message>
        <source>(no speaker)</source>
        <translation>(sin orador)</translation>
    </message>
    <message>
        <source>New person as speaker</source>
        <translation>Nueva persona como orador</translation>
    </message>
    <message>
        <source>Create a person and make them the speaker</source>
        <translation>Crear una persona y hacerla el orador</translation>
    </message>
    <message>
        <source>in the fact base</source>
        <translation>en la base de hechos</translation>
    </message>
    <message>
        <source>Accept links the quote to this person</source>
        <translation>Al aceptar, la cita se vincula a esta persona</translation>
    </message>
    <message>
        <source>new person</source>
        <translation>persona nueva</translation>
    </message>
    <message>
        <source>Accept adds this person to the fact base</source>
        <translation>Al aceptar, se añade esta persona a la base de hechos</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>%1 item</source>
        <translation>%1 elemento</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 elementos</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>Se muestran %1 de %2</translation>
    </message>
    <message>
        <source>%1 matching item</source>
        <translation>%1 elemento coincidente</translation>
    </message>
    <message>
        <source>%1 matching items</source>
        <translation>%1 elementos coincidentes</translation>
    </message>
    <message>
        <source>Showing %1 of %2 (%3 in the fact base)</source>
        <translation>Se muestran %1 de %2 (%3 en la base de hechos)</translation>
    </message>
    <message>
        <source> — ignored: %1</source>
        <translation> — se ignoró: %1</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Comma-separated, e.g. sanctions, visa</source>
        <translation>Separadas por comas, p. ej., sanciones, visas</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <source>&amp;Team</source>
        <translation>E&amp;quipo</translation>
    </message>
    <message>
        <source>&amp;Join Team Library…</source>
        <translation>&amp;Unirse a la biblioteca del equipo…</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflictos…</translation>
    </message>
    <message>
        <source>Make this fact base a replica of the office&apos;s team library</source>
        <translation>Hacer de esta base de hechos una réplica de la biblioteca del equipo de la oficina</translation>
    </message>
    <message>
        <source>Push your changes and pull everyone else&apos;s</source>
        <translation>Enviar sus cambios y recibir los de los demás</translation>
    </message>
    <message>
        <source>Fields changed both here and in the team library</source>
        <translation>Campos cambiados aquí y en la biblioteca del equipo</translation>
    </message>
    <message>
        <source>Joined the team library: %1 changes pushed, %2 pulled</source>
        <translation>Se unió a la biblioteca del equipo: %1 cambios enviados, %2 recibidos</translation>
    </message>
    <message>
        <source>Could not join the team library</source>
        <translation>No se pudo unir a la biblioteca del equipo</translation>
    </message>
    <message>
        <source>Stopped joining: the next sync goes on from there</source>
        <translation>Se detuvo la unión: la próxima sincronización sigue desde ahí</translation>
    </message>
    <message>
        <source>Stopped joining: this fact base is as it was</source>
        <translation>Se detuvo la unión: esta base de hechos quedó como estaba</translation>
    </message>
    <message>
        <source>Joining the team library…</source>
        <translation>Uniéndose a la biblioteca del equipo…</translation>
    </message>
</context>
<context>
    <name>TeamStatus</name>
    <message>
        <source>1 change waiting</source>
        <translation>1 cambio pendiente</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 cambios pendientes</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 conflicto</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 conflictos</translation>
    </message>
    <message>
        <source>Team: syncing…</source>
        <translation>Equipo: sincronizando…</translation>
    </message>
    <message>
        <source>Team server unreachable</source>
        <translation>No se puede conectar con el servidor del equipo</translation>
    </message>
    <message>
        <source>Team sync failed</source>
        <translation>Falló la sincronización del equipo</translation>
    </message>
    <message>
        <source>Team: synced %1</source>
        <translation>Equipo: sincronizado %1</translation>
    </message>
    <message>
        <source>Team: not synced yet</source>
        <translation>Equipo: aún sin sincronizar</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <source>Unverified</source>
        <translation>Sin verificar</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Cuestionado</translation>
    </message>
    <message>
        <source>No source</source>
        <translation>Sin fuente</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Desactualizado</translation>
    </message>
    <message>
        <source>Unmarked</source>
        <translation>Sin clasificación</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltante</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Empty section</source>
        <translation>Sección vacía</translation>
    </message>
    <message>
        <source>Pre-flight warnings</source>
        <translation>Avisos de revisión previa</translation>
    </message>
    <message>
        <source>Pre-flight warnings (%1) — click one to go to it</source>
        <translation>Avisos de revisión previa (%1): haga clic en uno para ir a él</translation>
    </message>
    <message>
        <source>Pre-flight warnings: none</source>
        <translation>Avisos de revisión previa: ninguno</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Show &amp;Welcome</source>
        <translation>Mostrar la bien&amp;venida</translation>
    </message>
    <message>
        <source>Show the three steps to a briefing memo again</source>
        <translation>Volver a mostrar los tres pasos para hacer una nota informativa</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>How to make a briefing memo in three steps: find, compose, export</source>
        <translation>Cómo hacer una nota informativa en tres pasos: buscar, redactar, exportar</translation>
    </message>
    <message>
        <source>Welcome to Briefing Builder</source>
        <translation>Bienvenido a Briefing Builder</translation>
    </message>
    <message>
        <source>Go to Search</source>
        <translation>Ir a la búsqueda</translation>
    </message>
    <message>
        <source>Go to the search box</source>
        <translation>Ir al cuadro de búsqueda</translation>
    </message>
    <message>
        <source>Show Composer</source>
        <translation>Mostrar la redacción</translation>
    </message>
    <message>
        <source>Show the briefing composer</source>
        <translation>Mostrar la redacción de la nota informativa</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Redactar</translation>
    </message>
    <message>
        <source>Search the fact base, or filter by kind, tag, person or source in the sidebar.</source>
        <translation>Busque en la base de hechos o filtre por tipo, etiqueta, persona o fuente en la barra lateral.</translation>
    </message>
    <message>
        <source>Drag items into the briefing’s sections; add your own paragraphs and talking points.</source>
        <translation>Arrastre elementos a las secciones de la nota informativa; añada sus propios párrafos y puntos de conversación.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Save the memo as a Word document or a PDF, ready to send.</source>
        <translation>Guarde el memorando como documento de Word o PDF, listo para enviar.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the welcome panel</source>
        <translation>Cerrar el panel de bienvenida</translation>
    </message>
    <message>
        <source>Hide this panel (Help &gt; Show Welcome brings it back)</source>
        <translation>Ocultar este panel (Ayuda &gt; Mostrar la bienvenida lo vuelve a mostrar)</translation>
    </message>
    <message>
        <source>Don’t show again</source>
        <translation>No volver a mostrar</translation>
    </message>
    <message>
        <source>Don’t show the welcome panel again</source>
        <translation>No volver a mostrar el panel de bienvenida</translation>
    </message>
    <message>
        <source>Start without this panel from now on</source>
        <translation>Empezar sin este panel a partir de ahora</translation>
    </message>
    <message>
        <source>The briefing on the right is a finished memo, ready to print. Make your own in three steps:</source>
        <translation>La nota informativa de la derecha es un memorando terminado, listo para imprimir. Haga la suya en tres pasos:</translation>
    </message>
    <message>
        <source>Make a briefing memo from your fact base in three steps:</source>
        <translation>Haga una nota informativa a partir de su base de hechos en tres pasos:</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Paso %1: %2</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Paso %1</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
</TS>
